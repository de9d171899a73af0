import HTTPServer

extension DatelineApplication {
    /// Every write needs a valid editor token; none at all is a 401 too (a wrong one throws in `authenticate`).
    func requireEditor(_ request: HTTPRequest) throws {
        guard try editorAuth.authenticate(request.headers["Authorization"]) else {
            throw Problem.unauthorized("Writing needs an editor's token: send 'Authorization: Bearer <token>'.")
        }
    }
}
