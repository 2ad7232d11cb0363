/// Quectel LTE modules, modelled on the EC25&EC21 AT Commands Manual V1.3 and the EG91 one:
/// `AT+QCCID` answers `+QCCID: …`, `AT+QDSIM=<n>` selects the SIM slot, boot prints `RDY`
/// then `+CPIN: READY`, `+QUSIM: 1`, `+QIND: SMS DONE`, `+QIND: PB DONE`.
extension ModemProfile {
    public static let quectelEC25 = ModemProfile(
        vendorProfile: .quectelEC25, manufacturer: "Quectel", model: "EC25",
        revision: "EC25EFAR06A06M4G", identificationLines: ["Quectel", "EC25", "Revision: EC25EFAR06A06M4G"],
        imeiTypeAllocationCode: "86769003",
        iccidCommands: [ICCIDCommand(name: "+QCCID", answerPrefix: "+QCCID: "), ICCIDCommand(name: "+CCID", answerPrefix: "+CCID: ")],
        slotSwitch: SlotSwitchCommand(name: "+QDSIM"),
        bootBanner: ["RDY", "+CPIN: READY", "+QUSIM: 1", "+QIND: SMS DONE", "+QIND: PB DONE"],
        bootDuration: .seconds(10), submitDuration: .milliseconds(1_500),
        storageCapacity: 50, storages: ["SM", "ME", "MT", "SR"], accessTechnology: 7,
        hasEPSRegistration: true
    )

    public static let quectelEG91 = ModemProfile(
        vendorProfile: .quectelEG91, manufacturer: "Quectel", model: "EG91",
        revision: "EG91EXGAR08A05M1G", identificationLines: ["Quectel", "EG91", "Revision: EG91EXGAR08A05M1G"],
        imeiTypeAllocationCode: "86418004",
        iccidCommands: [ICCIDCommand(name: "+QCCID", answerPrefix: "+QCCID: "), ICCIDCommand(name: "+CCID", answerPrefix: "+CCID: ")],
        slotSwitch: SlotSwitchCommand(name: "+QDSIM"),
        bootBanner: ["RDY", "+CPIN: READY", "+QUSIM: 1", "+QIND: SMS DONE", "+QIND: PB DONE"],
        bootDuration: .seconds(10), submitDuration: .milliseconds(1_500),
        storageCapacity: 50, storages: ["SM", "ME", "MT", "SR"], accessTechnology: 7,
        hasEPSRegistration: true
    )
}
