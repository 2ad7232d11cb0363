/// A field of the PDU header or body, by its name in SMPP 3.4 §4 (`source_addr`), so that
/// errors and the generic field view speak the specification's language.
public enum SMPPField: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case commandLength = "command_length"
    case commandID = "command_id"
    case commandStatus = "command_status"
    case sequenceNumber = "sequence_number"
    case systemID = "system_id"
    case password
    case systemType = "system_type"
    case interfaceVersion = "interface_version"
    case addrTON = "addr_ton"
    case addrNPI = "addr_npi"
    case addressRange = "address_range"
    case serviceType = "service_type"
    case sourceAddrTON = "source_addr_ton"
    case sourceAddrNPI = "source_addr_npi"
    case sourceAddr = "source_addr"
    case destAddrTON = "dest_addr_ton"
    case destAddrNPI = "dest_addr_npi"
    case destinationAddr = "destination_addr"
    case esmeAddrTON = "esme_addr_ton"
    case esmeAddrNPI = "esme_addr_npi"
    case esmeAddr = "esme_addr"
    case esmClass = "esm_class"
    case protocolID = "protocol_id"
    case priorityFlag = "priority_flag"
    case scheduleDeliveryTime = "schedule_delivery_time"
    case validityPeriod = "validity_period"
    case registeredDelivery = "registered_delivery"
    case replaceIfPresentFlag = "replace_if_present_flag"
    case dataCoding = "data_coding"
    case smDefaultMsgID = "sm_default_msg_id"
    case smLength = "sm_length"
    case shortMessage = "short_message"
    case messageID = "message_id"
    case numberOfDests = "number_of_dests"
    case destAddress = "dest_address"
    case destFlag = "dest_flag"
    case dlName = "dl_name"
    case noUnsuccess = "no_unsuccess"
    case unsuccessSME = "unsuccess_sme"
    case errorStatusCode = "error_status_code"
    case finalDate = "final_date"
    case messageState = "message_state"
    case errorCode = "error_code"
    /// The TLVs after the mandatory fields (§3.2.1 "Optional Parameters").
    case optionalParameters = "optional_parameters"

    public var description: String { rawValue }

    /// The status a server answers when this field of a request is malformed (§5.1.3).
    public var errorStatus: CommandStatus {
        switch self {
        case .commandLength: .invalidCommandLength
        case .commandID: .invalidCommandID
        case .systemID: .invalidSystemID
        case .password: .invalidPassword
        case .systemType: .invalidSystemType
        case .serviceType: .invalidServiceType
        case .sourceAddrTON: .invalidSourceTON
        case .sourceAddrNPI: .invalidSourceNPI
        case .sourceAddr, .esmeAddr: .invalidSourceAddress
        case .destAddrTON: .invalidDestinationTON
        case .destAddrNPI: .invalidDestinationNPI
        case .destinationAddr: .invalidDestinationAddress
        case .esmClass: .invalidESMClass
        case .priorityFlag: .invalidPriorityFlag
        case .scheduleDeliveryTime: .invalidScheduledDeliveryTime
        case .validityPeriod: .invalidValidityPeriod
        case .registeredDelivery: .invalidRegisteredDelivery
        case .replaceIfPresentFlag: .invalidReplaceIfPresentFlag
        case .smDefaultMsgID: .invalidPredefinedMessage
        case .smLength, .shortMessage: .invalidMessageLength
        case .messageID: .invalidMessageID
        case .numberOfDests, .destAddress: .invalidNumberOfDestinations
        case .destFlag: .invalidDestinationFlag
        case .dlName: .invalidDistributionListName
        case .optionalParameters: .invalidOptionalParameterStream
        default: .invalidMessageLength
        }
    }
}
