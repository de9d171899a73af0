import DatelineTesting
import Foundation
import Testing

@Suite("dateline with --store sqlite:PATH", .serialized, .timeLimit(.minutes(5)))
struct SQLiteCommandTests {
    @Test("export | import between processes gives back identical data")
    func exportImportRoundTrip() throws {
        let first = temporaryDatabase("first")
        let second = temporaryDatabase("second")
        defer {
            removeDatabase(at: first)
            removeDatabase(at: second)
        }
        let generated = try runDateline(["generate", "300", "--random-seed", "42"])
        #expect(generated.status == 0)
        let imported = try runDateline(["import", "-", "--store", "sqlite:\(first)"], input: generated.output)
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.errors.contains("imported 300 articles"))

        let exported = try runDateline(["export", "--store", "sqlite:\(first)"])
        #expect(exported.status == 0, "\(exported.errors)")
        let reimported = try runDateline(["import", "-", "--store", "sqlite:\(second)"], input: exported.output)
        #expect(reimported.status == 0, "\(reimported.errors)")
        let file = second + ".json"
        defer { try? FileManager.default.removeItem(atPath: file) }
        let again = try runDateline(["export", "--store", "sqlite:\(second)", "--output", file])
        #expect(again.status == 0, "\(again.errors)")
        let copy = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(copy == exported.output)
        #expect(copy.count > 100_000)
        // The generated articles in, the same articles out (export lists them by id; import trims titles, and
        // the generator leaves a trailing space on a few).
        func byID(_ data: Data) throws -> [NSDictionary] {
            let array = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
            return array.map { article in
                var article = article
                article["title"] = (article["title"] as? String)?.trimmingCharacters(in: .whitespaces)
                return article as NSDictionary
            }.sorted { ($0["id"] as? String ?? "") < ($1["id"] as? String ?? "") }
        }
        #expect(try byID(copy) == byID(generated.output))
        #expect(try byID(copy).count == 300)
    }

    @Test("import reports every bad article by position and field, and imports nothing")
    func importRejectsBadFiles() throws {
        let path = temporaryDatabase("bad")
        defer { removeDatabase(at: path) }
        let json = #"""
            [{"id":"ok1","title":"Fine","body":"b","category":"world"},
             {"id":"bad2","title":"","body":"b","category":"World Politics"},
             {"id":"ok3","title":"Fine too","body":"b","category":"world","related":["missing9"]}]
            """#
        let run = try runDateline(["import", "-", "--store", "sqlite:\(path)"], input: Data(json.utf8))
        #expect(run.status != 0)
        #expect(run.errors.contains("article 1 (id bad2): title"))
        #expect(run.errors.contains("article 1 (id bad2): category"))
        #expect(run.errors.contains("article 2 (id ok3): related[0]"))
        #expect(run.errors.contains("nothing was imported"))
        let exported = try runDateline(["export", "--store", "sqlite:\(path)"])
        #expect(String(decoding: exported.output, as: UTF8.self) == "[]\n")

        // Conflicts with what the store holds are reported the same way.
        let good = #"[{"id":"ok1","slug":"fine","title":"Fine","body":"b","category":"world"}]"#
        #expect(try runDateline(["import", "-", "--store", "sqlite:\(path)"], input: Data(good.utf8)).status == 0)
        let clash = #"[{"id":"new2","slug":"other","title":"x","body":"b","category":"world"},{"id":"ok1","slug":"fine","title":"Fine","body":"b","category":"world"}]"#
        let second = try runDateline(["import", "-", "--store", "sqlite:\(path)"], input: Data(clash.utf8))
        #expect(second.status != 0)
        #expect(second.errors.contains("articles[1].id: is already in the store"))
        #expect(second.errors.contains("articles[1].slug"))
        let after = try runDateline(["export", "--store", "sqlite:\(path)"])
        #expect(!String(decoding: after.output, as: UTF8.self).contains("new2"))
    }

    @Test("serve seeds only an empty database, and says so; the memory store refuses import")
    func seedOnlyWhenEmpty() throws {
        let path = temporaryDatabase("seed")
        defer { removeDatabase(at: path) }
        let first = try ServerProcess(["serve", "--port", "0", "--store", "sqlite:\(path)", "--seed", "sample"])
        let port = try first.waitForPort()
        #expect(try get("/articles?tag=ukraine", port: port).bodyText.contains("Ukraine"))
        #expect(first.standardOutput.contains("seeded the empty database"))
        first.signal(SIGKILL)
        _ = first.waitForExit(timeout: .seconds(5))

        let second = try ServerProcess(["serve", "--port", "0", "--seed", "sample"], environment: ["DATELINE_STORE": "sqlite:\(path)"])
        _ = try second.waitForPort()
        #expect(second.standardOutput.contains("the seed is ignored"))
        second.signal(SIGKILL)
        _ = second.waitForExit(timeout: .seconds(5))

        let memory = try runDateline(["import", "-", "--store", "memory"], input: Data("[]".utf8))
        #expect(memory.status != 0)
        #expect(memory.errors.contains("keeps nothing between runs"))
        let postgres = try runDateline(["export", "--store", "postgres://editor:hunter2@127.0.0.1/dateline"])
        #expect(postgres.status != 0)
        #expect(!postgres.errors.contains("hunter2"))
    }

    @Test("Four instances started at once with a seed on one new file: all serve, exactly one seeds it")
    func seedRace() throws {
        let path = temporaryDatabase("seed-race")
        defer { removeDatabase(at: path) }
        try expectExactlyOneSeeds(store: "sqlite:\(path)")
    }
}
