/// The vendor profiles a modem may name: the one list the configuration accepts. Each name's
/// quirks (init commands, slot switching, URC dialects) live in the ModemProfiles module.
public enum ModemVendorProfile: String, Sendable, CaseIterable {
    case generic
    case simcomSIM800 = "simcom-sim800"
    case simcomSIM7600 = "simcom-sim7600"
    case quectelEC25 = "quectel-ec25"
    case quectelEG91 = "quectel-eg91"
    case huaweiE3372 = "huawei-e3372"
}
