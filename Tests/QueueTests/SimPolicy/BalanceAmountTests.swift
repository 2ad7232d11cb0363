import SimPolicy
import Testing

@Suite("SimPolicy: the amount in a USSD balance answer")
struct BalanceAmountTests {
    @Test("the first number with a decimal part, else the first number", arguments: [
        // The simulator's answer: the plain case.
        ("Your balance is 12.50 EUR. SimNet One.", "12.50" as String?),
        // A decimal comma (German networks), and a menu after it with bare digits.
        ("Kontostand: 3,00 EUR Bitte wählen Sie: 1 Konto aufladen", "3.00"),
        // The amount after a phone number: the number with decimals wins over the first digits.
        ("Ihr Guthaben für die Nr.4915783647410 beträgt 5.78 Euro", "5.78"),
        // Debt: a minus sign right before the digits is kept.
        ("Saldo: -1.20 USD", "-1.20"),
        // A hyphen inside a word is not a sign ("MTS-5" style names).
        ("Tariff MTS-5: 40 minutes left", "5"),
        // No number at all (a refusal).
        ("Service temporarily unavailable", nil),
        // A full stop ending a sentence after an integer is not a decimal point.
        ("You have 300 SMS left.", "300"),
    ])
    func parses(text: String, expected: String?) {
        #expect(BalanceAmount.parse(text) == expected)
    }
}
