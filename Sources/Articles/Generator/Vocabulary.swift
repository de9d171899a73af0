import Foundation

/// The generator's word lists (those of gen_articles.py) and its Zipf-like tag popularity.
struct Vocabulary: Sendable {
    struct Language: Sendable {
        var code: String
        var words: [String]
        var share: Double
    }

    static let shared = Vocabulary()

    static let english = split("""
        government minister said officials report security talks agreement ceasefire \
        election parliament court ruling economy inflation market energy drought \
        humanitarian agency funding appeal region province border forces troops \
        president spokesman statement warned pledged coalition allies sanctions \
        summit negotiations peace treaty investigation police protest citizens \
        hospital health vaccine outbreak climate flood landslide rescue villagers \
        farmers harvest prices exports trade budget reform minister opposition \
        community schools students teachers technology startup investment bank \
        currency central rates growth forecast analysts weekly recent months \
        infrastructure power grid attacks missile drone strikes cities damaged \
        homes residents displaced shelter water supplies convoy corridor aid \
        football league champions final coach season striker transfer record
        """)
    static let swahili = split("""
        serikali rais alisema taarifa mkutano wananchi usalama amani uchaguzi \
        bunge mahakama uchumi bei mvua ukame msaada jamii shule hospitali afya \
        polisi maandamano mkoa mpaka wanajeshi mazungumzo makubaliano habari
        """)
    static let french = split("""
        gouvernement ministre déclaré sécurité accord élections économie prix \
        sécheresse aide humanitaire région frontière président négociations paix \
        réforme été hôpital santé écoles marché énergie crise sommet alliés
        """)
    static let portuguese = split("""
        governo ministro afirmou segurança acordo eleições economia preços seca \
        ajuda humanitária região fronteira presidente negociações paz reforma \
        saúde escolas mercado energia crise cúpula aliados população
        """)
    static let categories = [
        "world", "politics", "africa", "europe", "asia", "americas", "business", "technology", "health", "climate",
        "sport", "culture",
    ]
    static let places = [
        "ukraine", "russia", "sudan", "ethiopia", "kenya", "tanzania", "nigeria", "france", "brazil", "india",
        "china", "usa", "germany", "egypt", "somalia", "uganda",
    ]
    static let firstNames = ["Amina", "John", "Li", "Sofia", "Omar", "Grace", "Ivan", "Maria", "Kwame", "Elena"]
    static let lastNames = ["Otieno", "Smith", "Wang", "Rossi", "Haddad", "Mwangi", "Petrov", "Silva", "Mensah", "Novak"]

    let languages: [Language] = [
        Language(code: "en", words: english, share: 0.88),
        Language(code: "sw", words: swahili, share: 0.04),
        Language(code: "fr", words: french, share: 0.04),
        Language(code: "pt-BR", words: portuguese, share: 0.04),
    ]
    let tags: [String]
    /// Running sums of the tag weights 1/(rank+1)^0.9, for picking by binary search.
    let cumulativeWeights: [Double]

    init() {
        var tags = Self.places
        var combined: [String] = []
        for word in Self.english.prefix(60) {
            for variant in ["talks", "crisis", "report", "watch"] { combined.append("\(word)-\(variant)") }
        }
        var seen = Set(tags)
        for tag in combined.prefix(480) where seen.insert(tag).inserted { tags.append(tag) }
        self.tags = tags
        var sum = 0.0
        cumulativeWeights = tags.indices.map { rank in
            sum += 1 / pow(Double(rank + 1), 0.9)
            return sum
        }
    }

    func language(_ unit: Double) -> Language {
        var accumulated = 0.0
        for language in languages {
            accumulated += language.share
            if unit <= accumulated { return language }
        }
        return languages[languages.count - 1]
    }

    func tag(_ unit: Double) -> String {
        let target = unit * cumulativeWeights[cumulativeWeights.count - 1]
        var low = 0
        var high = cumulativeWeights.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulativeWeights[middle] <= target { low = middle + 1 } else { high = middle }
        }
        return tags[low]
    }

    private static func split(_ text: String) -> [String] {
        text.split(separator: " ").map(String.init)
    }
}
