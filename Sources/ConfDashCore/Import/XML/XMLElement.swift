/// An element of a parsed XML document: just what schedule.xml needs (names, attributes, child
/// elements, character data) plus where it starts, so problems can name a line.
///
/// A class because the reader fills elements in while their children are still being read; once
/// `XMLReader` returns, nothing changes them any more.
final class XMLElement {
    let name: String
    let attributes: [XMLAttribute]
    let position: JSONPosition
    fileprivate(set) var children: [XMLElement] = []
    /// The character data directly inside this element (CDATA included, entities decoded), all runs
    /// joined. Empty for elements that only hold other elements and whitespace.
    fileprivate(set) var text = ""

    init(name: String, attributes: [XMLAttribute], position: JSONPosition) {
        self.name = name
        self.attributes = attributes
        self.position = position
    }

    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The first child element called `name`.
    func child(_ name: String) -> XMLElement? {
        children.first { $0.name == name }
    }

    func children(named name: String) -> [XMLElement] {
        children.filter { $0.name == name }
    }

    fileprivate func finish(text bytes: ArraySlice<UInt8>) {
        // Indentation between child elements is not content.
        if !children.isEmpty && bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) { return }
        text = String(decoding: bytes, as: UTF8.self)
    }
}

/// Builds elements as the reader meets start tags, text and end tags.
///
/// The character data of all open elements shares one buffer: an element's text starts where the
/// buffer ended when it opened, and is cut off again when it closes, so its parent's text carries
/// on where it stopped. One buffer instead of one per element keeps a large schedule from
/// spending its time in the allocator.
struct XMLTreeBuilder: XMLHandler {
    private var stack: [(element: XMLElement, textStart: Int)] = []
    private var text: [UInt8] = []
    private(set) var root: XMLElement?
    /// The root's own character data as read, kept when it closes: for the second part of a
    /// split read (`adopt`), whose root stands for the first part's.
    var keepsRootText = false
    private var rootText: [UInt8] = []

    var openElement: XMLElement? { stack.last?.element }

    mutating func open(_ name: XMLName, attributes: [XMLAttribute], position: JSONPosition, depth: Int) {
        let element = XMLElement(name: name.text, attributes: attributes, position: position)
        if let parent = stack.last?.element { parent.children.append(element) } else { root = element }
        stack.append((element, text.count))
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !stack.isEmpty else { return }
        text.append(contentsOf: bytes)
    }

    mutating func close(depth: Int) {
        guard let (element, start) = stack.popLast() else { return }
        if keepsRootText && stack.isEmpty { rootText = Array(text[start...]) }
        element.finish(text: text[start...])
        text.removeLast(text.count - start)
    }

    /// Takes over what `next` read inside its root, which stands for this tree's root, still
    /// open: the children it read come after this root's, and the character data it read after
    /// this root's so far (`next` read the rest of the document, from a place between two of the
    /// root's children; see `XMLSplitScan`).
    mutating func adopt(_ next: XMLTreeBuilder) {
        guard stack.count == 1, let nextRoot = next.root, next.stack.isEmpty else { return }
        stack[0].element.children += nextRoot.children
        text += next.rootText
    }
}
