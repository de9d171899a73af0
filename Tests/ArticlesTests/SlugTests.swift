import Articles
import Testing

@Suite(.timeLimit(.minutes(1)))
struct SlugTests {
    @Test("derives the contract's examples", arguments: [
        ("Afichua Unyanyasaji", "afichua-unyanyasaji"),
        ("Kanye West Afichua Unyanyasaji wa Kingono kwa Mkewe", "kanye-west-afichua-unyanyasaji-wa-kingono-kwa-mkewe"),
        ("Straße", "strasse"),
        ("Søren Kierkegaard", "soren-kierkegaard"),
        ("Æsir and Œuvre", "aesir-and-oeuvre"),
        ("Łódź, Đakovo, Þórshöfn", "lodz-dakovo-thorshofn"),
        ("Don't Miss", "dont-miss"),
        ("Sudan’s Marrah Mountains", "sudans-marrah-mountains"),
        ("Putin Warns Western Troops in Ukraine Would Be Targets", "putin-warns-western-troops-in-ukraine-would-be-targets"),
        ("  --Hello,   World!!  ", "hello-world"),
        ("Sécheresse : le Sénégal rationne l’eau", "secheresse-le-senegal-rationne-leau"),
        ("COVID-19 cases rise 20%", "covid-19-cases-rise-20"),
        ("Москва and Kyiv", "and-kyiv"),
    ])
    func derives(_ title: String, _ slug: String) {
        #expect(Slug.derive(from: title) == slug)
    }

    @Test("a title with no Latin letters or digits has no slug")
    func nothingLeft() {
        #expect(Slug.derive(from: "Москва") == nil)
        #expect(Slug.derive(from: "东京 — 北京") == nil)
        #expect(Slug.derive(from: "?!") == nil)
        #expect(Slug.derive(from: "") == nil)
    }

    @Test("cuts at a '-' boundary to fit 120; a single long word is cut at 120")
    func cutting() throws {
        let word = String(repeating: "a", count: 10)
        let title = Array(repeating: word, count: 15).joined(separator: " ")  // 15 × 10 + 14 = 164
        let slug = try #require(Slug.derive(from: title))
        #expect(slug == Array(repeating: word, count: 11).joined(separator: "-"))  // 11 × 10 + 10 = 120
        #expect(Slug.isValid(slug))
        let nine = String(repeating: "n", count: 9)
        let shorter = Array(repeating: nine, count: 15).joined(separator: " ")
        #expect(Slug.derive(from: shorter) == Array(repeating: nine, count: 12).joined(separator: "-"))  // 119
        // A dash exactly at 120: the first 120 characters are kept.
        let exact = String(repeating: "b", count: 120) + " tail"
        #expect(Slug.derive(from: exact) == String(repeating: "b", count: 120))
        let long = String(repeating: "c", count: 150)
        #expect(Slug.derive(from: long) == String(repeating: "c", count: 120))
        let fits = String(repeating: "d", count: 59) + " " + String(repeating: "e", count: 60)  // exactly 120
        #expect(Slug.derive(from: fits)?.count == 120)
    }

    @Test("validates the shape")
    func validity() {
        #expect(Slug.isValid("a"))
        #expect(Slug.isValid("dont-miss-2"))
        #expect(Slug.isValid(String(repeating: "a", count: 120)))
        #expect(!Slug.isValid(String(repeating: "a", count: 121)))
        for bad in ["", "-a", "a-", "a--b", "A", "a_b", "a b", "é", "a.b"] {
            #expect(!Slug.isValid(bad), "\(bad)")
        }
    }

    @Test("unique adds -2, -3 ... and shortens the base to fit")
    func unique() {
        var taken: Set<String> = ["news", "news-2"]
        #expect(Slug.unique("fresh") { taken.contains($0) } == "fresh")
        #expect(Slug.unique("news") { taken.contains($0) } == "news-3")
        taken.insert("news-3")
        #expect(Slug.unique("news") { taken.contains($0) } == "news-4")

        let base = String(repeating: "x", count: 119) + "y"  // 120
        let second = Slug.unique(base) { $0 == base }
        #expect(second == String(repeating: "x", count: 118) + "-2")
        #expect(second.count == 120)
        // A cut that would end on '-' drops it, so the result stays a valid slug.
        let dashed = String(repeating: "x", count: 117) + "-ab"  // 120; cutting to 118 leaves "x…x-"
        let next = Slug.unique(dashed) { $0 == dashed }
        #expect(next == String(repeating: "x", count: 117) + "-2")
        #expect(Slug.isValid(next))
        var many: Set<String> = [base]
        for _ in 2...12 { many.insert(Slug.unique(base) { many.contains($0) }) }
        #expect(many.contains(String(repeating: "x", count: 117) + "-10"))
        #expect(many.allSatisfy(Slug.isValid))
    }
}
