/// SIMCom modules, modelled on the SIM800 Series AT Command Manual V1.09 and the SIM7500/
/// SIM7600 Series AT Command Manual V1.08.
extension ModemProfile {
    /// SIM800 (GSM/GPRS): boots in about 3 s and prints `RDY`, `+CFUN: 1`, `+CPIN: READY`,
    /// `Call Ready`, `SMS Ready`; `AT+CCID` answers the bare digits (SIM800 manual §6.2.23).
    public static let simcomSIM800 = ModemProfile(
        vendorProfile: .simcomSIM800, manufacturer: "SIMCOM_Ltd", model: "SIMCOM_SIM800",
        revision: "Revision:1418B04SIM800C24", identificationLines: ["SIM800 R14.18"],
        imeiTypeAllocationCode: "86881103",
        iccidCommands: [ICCIDCommand(name: "+CCID")],
        slotSwitch: SlotSwitchCommand(name: "+CSDS"),
        bootBanner: ["RDY", "+CFUN: 1", "+CPIN: READY", "Call Ready", "SMS Ready"],
        bootDuration: .seconds(3), submitDuration: .milliseconds(2_500),
        storageCapacity: 30, storages: ["SM", "ME", "SM_P", "ME_P", "MT"], accessTechnology: 0,
        hasEPSRegistration: false
    )

    /// SIM7600 (LTE cat 1/4): `AT+CICCID` answers `+ICCID: …` (SIM7600 manual §5.2.13);
    /// dual-SIM variants switch with `AT+SWITCHSIM`.
    public static let simcomSIM7600 = ModemProfile(
        vendorProfile: .simcomSIM7600, manufacturer: "SIMCOM INCORPORATED", model: "SIMCOM_SIM7600E-H",
        revision: "+CGMR: LE20B04SIM7600M22", identificationLines: [
            "Manufacturer: SIMCOM INCORPORATED", "Model: SIMCOM_SIM7600E-H", "Revision: SIM7600M22_V2.0",
            "IMEI: {imei}", "+GCAP: +CGSM",
        ],
        imeiTypeAllocationCode: "86291504",
        iccidCommands: [ICCIDCommand(name: "+CICCID", answerPrefix: "+ICCID: "), ICCIDCommand(name: "+CCID", answerPrefix: "+CCID: ", quoted: true)],
        slotSwitch: SlotSwitchCommand(name: "+SWITCHSIM"),
        bootBanner: ["RDY", "+CPIN: READY", "SMS DONE", "PB DONE"],
        bootDuration: .seconds(12), submitDuration: .milliseconds(1_800),
        storageCapacity: 50, storages: ["SM", "ME", "MT", "SR"], accessTechnology: 7,
        hasEPSRegistration: true
    )
}
