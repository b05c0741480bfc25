/// A parsed YAML file: its root node (nil when the file holds no document) and its path.
struct YAMLDocument {
    let file: String
    let root: YAMLNode?
}
