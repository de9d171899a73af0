/// Where an article is in its life: only `published` ones (whose time has come) are visible to readers.
public enum ArticleStatus: String, Sendable, Codable, CaseIterable {
    case draft, published, archived
}
