/// Huawei E3372-class LTE sticks in "stick" (AT) mode, modelled on the Huawei MU709/ME909
/// AT Command Interface Specification: `AT^ICCID?` answers `^ICCID: ` and the ICCID in the
/// SIM's nibble-swapped order; no `RDY`, the port shows `^SIMST: 1` and `^SRVST: 2` after boot.
extension ModemProfile {
    public static let huaweiE3372 = ModemProfile(
        vendorProfile: .huaweiE3372, manufacturer: "huawei", model: "E3372",
        revision: "22.315.01.00.00", identificationLines: [
            "Manufacturer: huawei", "Model: E3372", "Revision: 22.315.01.00.00", "IMEI: {imei}", "+GCAP: +CGSM,+DS,+ES",
        ],
        imeiTypeAllocationCode: "86314102",
        iccidCommands: [ICCIDCommand(name: "^ICCID", invocation: .read, answerPrefix: "^ICCID: ", nibbleSwapped: true)],
        slotSwitch: SlotSwitchCommand(name: "^SIMSWITCH"),
        bootBanner: ["^SIMST: 1", "^SRVST: 2"],
        bootDuration: .seconds(8), submitDuration: .seconds(2),
        storageCapacity: 50, storages: ["SM", "ME"], accessTechnology: 7,
        hasEPSRegistration: true
    )
}
