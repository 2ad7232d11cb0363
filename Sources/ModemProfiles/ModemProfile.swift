import GatewayCore

/// A modem module's quirks as data: identity strings, the vendor's ICCID and SIM-slot
/// commands, boot banner and timings. modemd reads them to talk to a module; the simulator
/// reads them to behave like one. Each vendor's values live in its own folder.
public struct ModemProfile: Sendable, Hashable {
    /// The configuration name this profile answers to (`profile = "quectel-ec25"`).
    public var vendorProfile: ModemVendorProfile
    /// `AT+CGMI` (3GPP TS 27.007 §5.1).
    public var manufacturer: String
    /// `AT+CGMM` (27.007 §5.2).
    public var model: String
    /// `AT+CGMR` (27.007 §5.3).
    public var revision: String
    /// The lines of `ATI` (ITU-T V.250 §6.1.3), vendor-specific.
    public var identificationLines: [String]
    /// The first eight digits of IMEIs of this module (the type allocation code).
    public var imeiTypeAllocationCode: String
    /// The commands that read the SIM's ICCID on this module and the form of their answers.
    public var iccidCommands: [ICCIDCommand]
    /// How the module is told to use another SIM slot, if it can.
    public var slotSwitch: SlotSwitchCommand?
    /// What the module prints after power-on, in order, once `bootDuration` has passed.
    public var bootBanner: [String]
    /// Power-on to the first banner line.
    public var bootDuration: Duration
    /// From Ctrl-Z of `AT+CMGS` to `+CMGS: <mr>` on a registered module.
    public var submitDuration: Duration
    /// Slots of the SIM message store (`AT+CPMS` totals).
    public var storageCapacity: Int
    /// Storages `AT+CPMS=?` offers for mem1, mem2 and mem3 (27.005 §3.2.2).
    public var storages: [String]
    /// The access technology `AT+COPS?` reports (27.007 §7.3: 0 GSM, 2 UTRAN, 7 E-UTRAN).
    public var accessTechnology: Int
    /// True when the module has LTE and answers `AT+CEREG` (27.007 §10.1.22).
    public var hasEPSRegistration: Bool

    public init(
        vendorProfile: ModemVendorProfile, manufacturer: String, model: String, revision: String,
        identificationLines: [String], imeiTypeAllocationCode: String, iccidCommands: [ICCIDCommand],
        slotSwitch: SlotSwitchCommand?, bootBanner: [String], bootDuration: Duration, submitDuration: Duration,
        storageCapacity: Int, storages: [String], accessTechnology: Int, hasEPSRegistration: Bool
    ) {
        self.vendorProfile = vendorProfile
        self.manufacturer = manufacturer
        self.model = model
        self.revision = revision
        self.identificationLines = identificationLines
        self.imeiTypeAllocationCode = imeiTypeAllocationCode
        self.iccidCommands = iccidCommands
        self.slotSwitch = slotSwitch
        self.bootBanner = bootBanner
        self.bootDuration = bootDuration
        self.submitDuration = submitDuration
        self.storageCapacity = storageCapacity
        self.storages = storages
        self.accessTechnology = accessTechnology
        self.hasEPSRegistration = hasEPSRegistration
    }

    /// The profile of a configured vendor name: every `ModemVendorProfile` has one.
    public static func named(_ name: ModemVendorProfile) -> ModemProfile {
        switch name {
        case .generic: .generic
        case .simcomSIM800: .simcomSIM800
        case .simcomSIM7600: .simcomSIM7600
        case .quectelEC25: .quectelEC25
        case .quectelEG91: .quectelEG91
        case .huaweiE3372: .huaweiE3372
        }
    }
}
