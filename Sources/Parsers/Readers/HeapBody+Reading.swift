import LeakModel

extension HeapBody {
    /// Adds a body line that a ``HeapReportReader`` took: each line extends the part it belongs to
    /// (`strings`: the string heap's body, where `big stuff` lists strings).
    mutating func add(_ line: ReportLine, strings: Bool, position: LogPosition) {
        switch line {
        case let .decksHeader(size), let .stringDecksHeader(size):
            decks.append(DeckClass(size: size, chunks: []))
        case let .deckRange(from, to):
            guard let deck = decks.indices.last else { return }
            decks[deck].chunks.append(DeckChunk(from: from, to: to, allocated: 0, total: 0, totalBytes: 0, position: position))
        case let .deckCounts(allocated, total, _, totalBytes):
            guard let deck = decks.indices.last, let chunk = decks[deck].chunks.indices.last else { return }
            decks[deck].chunks[chunk].allocated = allocated
            decks[deck].chunks[chunk].total = total
            decks[deck].chunks[chunk].totalBytes = totalBytes
            decks[deck].chunks[chunk].position = position
        case let .decksReserves(kilobytes, chunks):
            guard let deck = decks.indices.last else { return }
            decks[deck].reserves = (kilobytes, chunks)
        case .bigStuffHeader:
            if strings { bigStrings = [] } else { blocks = [] }
        case let .bigStuffRow(size, pointer, id, comment, location):
            blocks = blocks ?? []
            blocks?.append(Block(size: size, pointer: pointer, id: id, comment: comment, location: location, position: position))
        case .bytesPerLocationHeader:
            bytesPerLocation = []
        case let .bytesPerLocation(bytes, location):
            bytesPerLocation = bytesPerLocation ?? []
            bytesPerLocation?.append((location, bytes))
        case let .linearChunk(address, used, size):
            linearChunks.append(LinearChunk(address: address, used: used, size: size, position: position))
        case let .heapString(text, indent):
            if indent == 1, let chunk = linearChunks.indices.last {
                linearChunks[chunk].strings.append(text)
            } else if let deck = decks.indices.last, let chunk = decks[deck].chunks.indices.last {
                decks[deck].chunks[chunk].strings.append(text)
            }
        case let .stringBigStuffRow(text, size, address):
            bigStrings = bigStrings ?? []
            bigStrings?.append(BigString(text: text, size: size, address: address, position: position))
        case let .stringBigStuffTotal(kilobytes):
            bigStringsKilobytes = kilobytes
        default:
            break
        }
    }
}
