/// Each submit of a message the ESME split itself (UDH or SAR parts, one submit_sm each) has
/// its own id and its own receipt, while the parts stay ONE message sent from one SIM. Per part:
/// `submit_id`, the id its submit_sm was answered with (`<message id>-<part>`, NULL for parts
/// the box planned itself); `submit_dlr_mask`, what that submit's registered_delivery asked for
/// (the message's `dlr_mask` stays the union, which decides TP-SRR); `accepted_at`, when that
/// submit was made durable (the receipt's submit date); `receipt_settled_at`, when the part's
/// final outcome was settled for receipts (its receipt queued, or not asked for): a part gets
/// at most one final receipt.
enum Migration0013SubmitIDs {
    static let migration = Migration(version: 13, name: "submit-ids", sql: """
        ALTER TABLE message_parts ADD COLUMN submit_id TEXT;
        ALTER TABLE message_parts ADD COLUMN submit_dlr_mask INTEGER
            CHECK (submit_dlr_mask IS NULL OR submit_dlr_mask BETWEEN 0 AND 7);
        ALTER TABLE message_parts ADD COLUMN accepted_at INTEGER;
        ALTER TABLE message_parts ADD COLUMN receipt_settled_at INTEGER;
        """)
}
