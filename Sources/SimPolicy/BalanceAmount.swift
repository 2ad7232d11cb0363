/// The amount in an operator's balance answer ("Your balance is 12.50 EUR.", "Kontostand:
/// 3,00 EUR"): the first number with a decimal part, else the first number, as decimal text
/// with a point ("12.50", "3.00", "-1.20"). Nil when the text holds no digit. Operators word
/// these freely; the text itself is always kept beside it.
public enum BalanceAmount {
    public static func parse(_ text: String) -> String? {
        let characters = Array(text)
        var numbers: [(text: String, decimal: Bool)] = []
        var index = 0
        while index < characters.count {
            guard characters[index].isASCII, characters[index].isNumber else {
                index += 1
                continue
            }
            let negative = index > 0 && characters[index - 1] == "-"
                && (index < 2 || !(characters[index - 2].isLetter || characters[index - 2].isNumber))
            var whole = ""
            while index < characters.count, characters[index].isASCII, characters[index].isNumber {
                whole.append(characters[index])
                index += 1
            }
            var fraction = ""
            if index + 1 < characters.count, characters[index] == "." || characters[index] == ",",
               characters[index + 1].isASCII, characters[index + 1].isNumber {
                index += 1
                while index < characters.count, characters[index].isASCII, characters[index].isNumber {
                    fraction.append(characters[index])
                    index += 1
                }
            }
            let number = (negative ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction)
            numbers.append((number, !fraction.isEmpty))
        }
        return numbers.first(where: \.decimal)?.text ?? numbers.first?.text
    }
}
