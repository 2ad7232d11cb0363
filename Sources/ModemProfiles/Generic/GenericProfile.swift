/// A module that speaks only 3GPP TS 27.005/27.007 with the widespread `AT+CCID`, for
/// unknown hardware: no SIM-slot command, a short boot.
extension ModemProfile {
    public static let generic = ModemProfile(
        vendorProfile: .generic, manufacturer: "Generic", model: "GSM Modem",
        revision: "1.0", identificationLines: ["Generic GSM Modem 1.0"],
        imeiTypeAllocationCode: "35000000",
        iccidCommands: [ICCIDCommand(name: "+CCID", answerPrefix: "+CCID: ")],
        slotSwitch: nil,
        bootBanner: ["RDY", "+CPIN: READY", "SMS Ready"],
        bootDuration: .seconds(2), submitDuration: .seconds(2),
        storageCapacity: 30, storages: ["SM", "ME"], accessTechnology: 0,
        hasEPSRegistration: false
    )
}
