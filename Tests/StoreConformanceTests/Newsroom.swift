import Articles
import Foundation

/// A small, hand-written newsroom whose every answer the tests can work out by reading it.
enum Newsroom {
    static let json = #"""
    [
      {"id":"n1","slug":"drought-aid-reaches-ethiopia","title":"Drought aid reaches Ethiopia","summary":"Convoys arrive in the south.","body":"Aid convoys carrying food reached drought-hit districts.\n\nOfficials said more is needed.","author":"Amina Otieno","category":"africa","tags":["ethiopia","drought","aid"],"language":"en","breaking":false,"status":"published","publishedAt":"2025-09-01T08:00:00Z","createdAt":"2025-09-01T07:00:00Z","updatedAt":"2025-09-01T09:00:00Z","related":[]},
      {"id":"n2","slug":"landslide-in-sudan","title":"Landslide in Sudan buries village","summary":"Rescuers search the Marrah Mountains.","body":"A landslide buried a village in Sudan's Marrah Mountains after heavy rain.","author":"John Smith","category":"africa","tags":["sudan","landslide"],"language":"en","breaking":true,"status":"published","publishedAt":"2025-09-02T08:00:00Z","createdAt":"2025-09-02T07:00:00Z","updatedAt":"2025-09-05T10:00:00Z","related":[]},
      {"id":"n3","slug":"putin-warns-western-troops","title":"Putin warns Western troops in Ukraine would be targets","summary":"The Kremlin calls the plan unacceptable.","body":"Russian President Vladimir Putin warned that foreign troops would be targets.\n\nThe remarks came in Vladivostok.","author":"Staff Reporter","category":"world","tags":["russia","ukraine","nato"],"language":"en","breaking":true,"status":"published","publishedAt":"2025-09-06T07:00:00Z","createdAt":"2025-09-06T06:40:00Z","updatedAt":"2025-09-06T07:05:00Z","related":["n2","n9","n1"]},
      {"id":"n4","slug":"ukraine-grain-exports","title":"Ukraine grain exports rise","summary":"Ports on the Black Sea reopen.","body":"Grain exports from Ukraine rose for a third month as ports reopened. Drought elsewhere lifted prices.","author":"Staff Reporter","category":"business","tags":["ukraine","trade"],"language":"en","breaking":false,"status":"published","publishedAt":"2025-09-03T12:00:00Z","createdAt":"2025-09-03T11:00:00Z","updatedAt":"2025-09-03T12:00:00Z","related":[]},
      {"id":"n5","slug":"msaada-wa-ukame","title":"Msaada wa ukame wafika Kenya","summary":"Serikali imetangaza msaada.","body":"Serikali ya Kenya imetangaza msaada kwa wakulima walioathirika na ukame.","author":"Grace Mwangi","category":"africa","tags":["kenya","drought"],"language":"sw","breaking":false,"status":"published","publishedAt":"2025-09-04T06:00:00Z","createdAt":"2025-09-04T05:00:00Z","updatedAt":"2025-09-04T06:00:00Z","related":[]},
      {"id":"n6","slug":"secheresse-au-senegal","title":"Sécheresse au Sénégal : les éleveurs inquiets","summary":"Les pâturages se raréfient.","body":"La sécheresse frappe les éleveurs du nord du Sénégal.","author":"Sofia Rossi","category":"africa","tags":["senegal","drought"],"language":"fr","breaking":false,"status":"published","publishedAt":"2025-09-05T06:00:00Z","createdAt":"2025-09-05T05:00:00Z","updatedAt":"2025-09-05T06:00:00Z","related":[]},
      {"id":"n7","slug":"draft-budget-story","title":"Budget story still in draft","body":"Not ready yet.","category":"politics","tags":["budget"],"language":"en","breaking":false,"status":"draft","createdAt":"2025-09-06T05:00:00Z","updatedAt":"2025-09-06T05:00:00Z","related":[]},
      {"id":"n8","slug":"archived-election-story","title":"Old election story","body":"Archived copy.","category":"politics","tags":["election"],"language":"en","breaking":false,"status":"archived","publishedAt":"2024-01-01T00:00:00Z","createdAt":"2024-01-01T00:00:00Z","updatedAt":"2024-01-02T00:00:00Z","related":[]},
      {"id":"n9","slug":"scheduled-summit-preview","title":"Summit preview scheduled for the future","body":"This goes live later.","category":"world","tags":["ukraine","summit"],"language":"en","breaking":false,"status":"published","publishedAt":"2099-01-01T00:00:00Z","createdAt":"2025-09-06T05:00:00Z","updatedAt":"2025-09-06T05:00:00Z","related":[]},
      {"id":"n11","slug":"strasse-in-koeln","title":"Die Straße in Köln","summary":"Ein Bericht aus Nordrhein.","body":"Die Straße wurde gesperrt. Søren Ødegaard berichtet.","author":"SOFIA ROSSI","category":"europe","tags":["germany"],"language":"de","breaking":false,"status":"published","publishedAt":"2025-09-05T06:00:00Z","createdAt":"2025-09-05T05:00:00Z","updatedAt":"2025-09-05T06:00:00Z","related":[]},
      {"id":"n10","slug":"football-final","title":"Champions win the league final","summary":"A late goal settles it.","body":"A striker scored late to win the final.","author":"Omar Haddad","category":"sport","tags":["football"],"language":"en","breaking":false,"status":"published","publishedAt":"2025-08-30T18:00:00Z","createdAt":"2025-08-30T17:00:00Z","updatedAt":"2025-08-30T18:00:00Z","related":[]}
    ]
    """#

    /// The visible ones, newest first (n11 and n6 share a publish time: the larger id first).
    static let visibleNewestFirst = ["n3", "n6", "n11", "n5", "n4", "n2", "n1", "n10"]

    static func articles() throws -> [Article] {
        try ArticleImport.decode(Data(json.utf8))
    }

    /// A store of `kind` over the newsroom.
    static func store(_ kind: StoreKind) throws -> TestStore {
        try TestStores.make(kind, articles: articles())
    }
}

/// The day the tests read the newsroom on (n9 is scheduled far later).
let newsroomNow = Timestamp(rfc3339: "2025-09-10T00:00:00Z")!
