/// The command_status of a PDU (SMPP 3.4 §5.1.3): `ESME_ROK` in requests and successful
/// responses, an error code otherwise. An open set: codes outside the table (vendor codes
/// 0x400–0x4FF among them) keep their value.
public struct CommandStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let ok = CommandStatus(rawValue: 0x00)
    public static let invalidMessageLength = CommandStatus(rawValue: 0x01)
    public static let invalidCommandLength = CommandStatus(rawValue: 0x02)
    public static let invalidCommandID = CommandStatus(rawValue: 0x03)
    public static let incorrectBindStatus = CommandStatus(rawValue: 0x04)
    public static let alreadyBound = CommandStatus(rawValue: 0x05)
    public static let invalidPriorityFlag = CommandStatus(rawValue: 0x06)
    public static let invalidRegisteredDelivery = CommandStatus(rawValue: 0x07)
    public static let systemError = CommandStatus(rawValue: 0x08)
    public static let invalidSourceAddress = CommandStatus(rawValue: 0x0A)
    public static let invalidDestinationAddress = CommandStatus(rawValue: 0x0B)
    public static let invalidMessageID = CommandStatus(rawValue: 0x0C)
    public static let bindFailed = CommandStatus(rawValue: 0x0D)
    public static let invalidPassword = CommandStatus(rawValue: 0x0E)
    public static let invalidSystemID = CommandStatus(rawValue: 0x0F)
    public static let cancelFailed = CommandStatus(rawValue: 0x11)
    public static let replaceFailed = CommandStatus(rawValue: 0x13)
    public static let messageQueueFull = CommandStatus(rawValue: 0x14)
    public static let invalidServiceType = CommandStatus(rawValue: 0x15)
    public static let invalidNumberOfDestinations = CommandStatus(rawValue: 0x33)
    public static let invalidDistributionListName = CommandStatus(rawValue: 0x34)
    public static let invalidDestinationFlag = CommandStatus(rawValue: 0x40)
    public static let invalidSubmitWithReplace = CommandStatus(rawValue: 0x42)
    public static let invalidESMClass = CommandStatus(rawValue: 0x43)
    public static let cannotSubmitToDistributionList = CommandStatus(rawValue: 0x44)
    public static let submitFailed = CommandStatus(rawValue: 0x45)
    public static let invalidSourceTON = CommandStatus(rawValue: 0x48)
    public static let invalidSourceNPI = CommandStatus(rawValue: 0x49)
    public static let invalidDestinationTON = CommandStatus(rawValue: 0x50)
    public static let invalidDestinationNPI = CommandStatus(rawValue: 0x51)
    public static let invalidSystemType = CommandStatus(rawValue: 0x53)
    public static let invalidReplaceIfPresentFlag = CommandStatus(rawValue: 0x54)
    public static let invalidNumberOfMessages = CommandStatus(rawValue: 0x55)
    public static let throttled = CommandStatus(rawValue: 0x58)
    public static let invalidScheduledDeliveryTime = CommandStatus(rawValue: 0x61)
    public static let invalidValidityPeriod = CommandStatus(rawValue: 0x62)
    public static let invalidPredefinedMessage = CommandStatus(rawValue: 0x63)
    public static let receiverTemporaryError = CommandStatus(rawValue: 0x64)
    public static let receiverPermanentError = CommandStatus(rawValue: 0x65)
    public static let receiverRejectedMessage = CommandStatus(rawValue: 0x66)
    public static let querySMFailed = CommandStatus(rawValue: 0x67)
    public static let invalidOptionalParameterStream = CommandStatus(rawValue: 0xC0)
    public static let optionalParameterNotAllowed = CommandStatus(rawValue: 0xC1)
    public static let invalidParameterLength = CommandStatus(rawValue: 0xC2)
    public static let missingOptionalParameter = CommandStatus(rawValue: 0xC3)
    public static let invalidOptionalParameterValue = CommandStatus(rawValue: 0xC4)
    public static let deliveryFailure = CommandStatus(rawValue: 0xFE)
    public static let unknownError = CommandStatus(rawValue: 0xFF)

    /// The table of SMPP 3.4 §5.1.3: code, name and the specification's description.
    public static let all: [(status: CommandStatus, name: String, description: String)] = [
        (.ok, "ESME_ROK", "No Error"),
        (.invalidMessageLength, "ESME_RINVMSGLEN", "Message Length is invalid"),
        (.invalidCommandLength, "ESME_RINVCMDLEN", "Command Length is invalid"),
        (.invalidCommandID, "ESME_RINVCMDID", "Invalid Command ID"),
        (.incorrectBindStatus, "ESME_RINVBNDSTS", "Incorrect BIND Status for given command"),
        (.alreadyBound, "ESME_RALYBND", "ESME Already in Bound State"),
        (.invalidPriorityFlag, "ESME_RINVPRTFLG", "Invalid Priority Flag"),
        (.invalidRegisteredDelivery, "ESME_RINVREGDLVFLG", "Invalid Registered Delivery Flag"),
        (.systemError, "ESME_RSYSERR", "System Error"),
        (.invalidSourceAddress, "ESME_RINVSRCADR", "Invalid Source Address"),
        (.invalidDestinationAddress, "ESME_RINVDSTADR", "Invalid Dest Addr"),
        (.invalidMessageID, "ESME_RINVMSGID", "Message ID is invalid"),
        (.bindFailed, "ESME_RBINDFAIL", "Bind Failed"),
        (.invalidPassword, "ESME_RINVPASWD", "Invalid Password"),
        (.invalidSystemID, "ESME_RINVSYSID", "Invalid System ID"),
        (.cancelFailed, "ESME_RCANCELFAIL", "Cancel SM Failed"),
        (.replaceFailed, "ESME_RREPLACEFAIL", "Replace SM Failed"),
        (.messageQueueFull, "ESME_RMSGQFUL", "Message Queue Full"),
        (.invalidServiceType, "ESME_RINVSERTYP", "Invalid Service Type"),
        (.invalidNumberOfDestinations, "ESME_RINVNUMDESTS", "Invalid number of destinations"),
        (.invalidDistributionListName, "ESME_RINVDLNAME", "Invalid Distribution List name"),
        (.invalidDestinationFlag, "ESME_RINVDESTFLAG", "Destination flag is invalid (submit_multi)"),
        (.invalidSubmitWithReplace, "ESME_RINVSUBREP", "Invalid 'submit with replace' request"),
        (.invalidESMClass, "ESME_RINVESMCLASS", "Invalid esm_class field data"),
        (.cannotSubmitToDistributionList, "ESME_RCNTSUBDL", "Cannot Submit to Distribution List"),
        (.submitFailed, "ESME_RSUBMITFAIL", "submit_sm or submit_multi failed"),
        (.invalidSourceTON, "ESME_RINVSRCTON", "Invalid Source address TON"),
        (.invalidSourceNPI, "ESME_RINVSRCNPI", "Invalid Source address NPI"),
        (.invalidDestinationTON, "ESME_RINVDSTTON", "Invalid Destination address TON"),
        (.invalidDestinationNPI, "ESME_RINVDSTNPI", "Invalid Destination address NPI"),
        (.invalidSystemType, "ESME_RINVSYSTYP", "Invalid system_type field"),
        (.invalidReplaceIfPresentFlag, "ESME_RINVREPFLAG", "Invalid replace_if_present flag"),
        (.invalidNumberOfMessages, "ESME_RINVNUMMSGS", "Invalid number of messages"),
        (.throttled, "ESME_RTHROTTLED", "Throttling error (ESME has exceeded allowed message limits)"),
        (.invalidScheduledDeliveryTime, "ESME_RINVSCHED", "Invalid Scheduled Delivery Time"),
        (.invalidValidityPeriod, "ESME_RINVEXPIRY", "Invalid message validity period (Expiry time)"),
        (.invalidPredefinedMessage, "ESME_RINVDFTMSGID", "Predefined Message Invalid or Not Found"),
        (.receiverTemporaryError, "ESME_RX_T_APPN", "ESME Receiver Temporary App Error Code"),
        (.receiverPermanentError, "ESME_RX_P_APPN", "ESME Receiver Permanent App Error Code"),
        (.receiverRejectedMessage, "ESME_RX_R_APPN", "ESME Receiver Reject Message Error Code"),
        (.querySMFailed, "ESME_RQUERYFAIL", "query_sm request failed"),
        (.invalidOptionalParameterStream, "ESME_RINVOPTPARSTREAM", "Error in the optional part of the PDU Body"),
        (.optionalParameterNotAllowed, "ESME_ROPTPARNOTALLWD", "Optional Parameter not allowed"),
        (.invalidParameterLength, "ESME_RINVPARLEN", "Invalid Parameter Length"),
        (.missingOptionalParameter, "ESME_RMISSINGOPTPARAM", "Expected Optional Parameter missing"),
        (.invalidOptionalParameterValue, "ESME_RINVOPTPARAMVAL", "Invalid Optional Parameter Value"),
        (.deliveryFailure, "ESME_RDELIVERYFAILURE", "Delivery Failure (used for data_sm_resp)"),
        (.unknownError, "ESME_RUNKNOWNERR", "Unknown Error"),
    ]

    private static let entries: [UInt32: (name: String, description: String)] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.status.rawValue, ($0.name, $0.description)) })
    private static let byName: [String: CommandStatus] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.name, $0.status) })

    /// The specification name (`ESME_RTHROTTLED`); nil for a code outside the table.
    public var name: String? { Self.entries[rawValue]?.name }

    /// The specification's description; for other codes, what range they fall in.
    public var explanation: String {
        if let entry = Self.entries[rawValue] { return entry.description }
        if (0x400...0x4FF).contains(rawValue) { return "SMSC vendor specific error" }
        return "Reserved"
    }

    /// The status named `name` in the specification (`ESME_RTHROTTLED`), if there is one.
    public init?(name: String) {
        guard let status = Self.byName[name] else { return nil }
        self = status
    }

    public var description: String {
        name ?? "0x" + String(rawValue, radix: 16, uppercase: true)
    }
}
