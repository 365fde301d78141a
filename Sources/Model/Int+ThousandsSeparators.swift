extension Int {
    /// The number with a comma every three digits, as daslang's C++ report prints it (`641,428`).
    public var formattedWithThousandsSeparators: String {
        let digits = String(magnitude)
        var result = ""
        result.reserveCapacity(digits.count + digits.count / 3 + 1)
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return (self < 0 ? "-" : "") + result
    }
}
