import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses XML with Foundation's parser (libxml2 on Linux), so that tests see what a JUnit
/// consumer sees: a document that is not well-formed XML 1.0 is an error.
enum XMLElements {
    /// One element, with its attributes and its character data (children's text excluded).
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
    }

    /// Why a document did not parse.
    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    /// The elements of `text` in document order.
    static func parse(_ text: String) throws -> [Element] {
        let parser = XMLParser(data: Data(text.utf8))
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else {
            throw ParseError(description: parser.parserError.map { "\($0)" } ?? "XMLParser failed")
        }
        return collector.elements
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        private var open: [Int] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            open.append(elements.count)
            elements.append(Element(name: elementName, attributes: attributes, text: ""))
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let index = open.last { elements[index].text += string }
        }
    }
}
