extension Duration {
    /// Whole milliseconds, rounded towards zero (the store's unit, and what C APIs take).
    public var milliseconds: Int64 {
        components.seconds * 1_000 + components.attoseconds / 1_000_000_000_000_000
    }
}
