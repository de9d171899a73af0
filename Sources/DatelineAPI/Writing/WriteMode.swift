/// What a write does with the fields its body leaves out.
enum WriteMode {
    /// `POST /articles`: a new article; left-out fields take the contract's defaults.
    case create
    /// `PUT`: the whole article replaced; left-out fields take the defaults, except that `id`, `createdAt`,
    /// the slug and `publishedAt` are kept (the contract keeps a slug and a publication time unless a write
    /// gives new ones).
    case replace
    /// `PATCH` (RFC 7396): left-out fields are kept, `null` removes a field (back to its default).
    case patch
}
