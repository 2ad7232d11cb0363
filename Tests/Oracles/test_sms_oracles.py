"""Oracle tests of `smsgwctl sms`: what we encode, libgammu (python-gammu) and smspdu (pdusms)
decode to the same text, number and concatenation header; what python-messaging, libgammu and
smspdu encode, we decode to what they were given. Known bugs of each library
(Tests/Oracles/README.md) are worked around case by case, with a comment."""
import json
import random

import gammu
import pytest
from messaging.sms import SmsSubmit
from smspdu.pdu import SMS_SUBMIT

BASIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,!?:;-+()'\"@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ#¤%&*/<=>¡ÄÖÑÜ§¿äöñüà\n"
EXTENSION = "€[]{}~\\^|"
NON_GSM = "áőšžłčЖжДЯ中文ç`"
EMOJI = "😀🚀👍🎉"
CASES = 240
SEED = 20261129


def random_text(rng, alphabet, length):
    return "".join(rng.choice(alphabet) for _ in range(length))


def generated_cases():
    """(text, number) pairs: GSM-7 with and without escapes, UCS-2 with emoji, 1-10 parts."""
    rng = random.Random(SEED)
    cases = []
    for index in range(CASES):
        kind = index % 4
        if kind == 0:
            alphabet, per_part = BASIC, 153
        elif kind == 1:
            alphabet, per_part = BASIC + EXTENSION * 3, 120
        elif kind == 2:
            alphabet, per_part = BASIC + NON_GSM, 67
        else:
            alphabet, per_part = BASIC + NON_GSM + EMOJI * 2, 60
        parts = rng.choice([1, 1, 1, 2, 2, 3, 4, 6, 10])
        length = rng.randint(1, per_part) + (parts - 1) * per_part
        text = random_text(rng, alphabet, length).replace("\r", "")
        if rng.random() < 0.5:
            number = "+" + str(rng.choice([31, 33, 41, 44, 49, 7, 1, 91])) + "".join(rng.choice("0123456789") for _ in range(rng.randint(7, 11)))
        else:
            # National: a trunk 0 then a non-zero digit ("00" is an international prefix that
            # libgammu and smspdu rewrite as "+").
            number = "0" + rng.choice("123456789") + "".join(rng.choice("0123456789") for _ in range(8))
        cases.append((text, number))
    return cases


def gsm7_septets(text):
    return sum(2 if ch in EXTENSION else 1 for ch in text)


@pytest.fixture(scope="module")
def encoded(smsgwctl_json):
    """Our encoding of every generated case (one CLI call each)."""
    results = []
    for index, (text, number) in enumerate(generated_cases()):
        out = smsgwctl_json("sms", "encode", "--to", number, f"--text={text}", "--reference", str(index % 256), "--json")
        results.append((text, number, out))
    return results


def test_our_parts_join_to_the_text(encoded):
    for text, _, out in encoded:
        assert "".join(segment["text"] for segment in out["segments"]) == text
        assert out["segmentCount"] == len(out["segments"])
        for segment in out["segments"]:
            assert segment["tpduLength"] == len(segment["pdu"]) // 2 - 1  # after the "00" SMSC


def test_libgammu_decodes_what_we_encode(encoded):
    for index, (text, number, out) in enumerate(encoded):
        for segment in out["segments"]:
            decoded = gammu.DecodePDU(bytes.fromhex(segment["pdu"]))
            assert decoded["Number"] == number
            got = decoded["Text"]
            if out["encoding"] == "gsm7":
                # README.md: DecodePDU pads GSM-7 text holding extension characters with NULs
                # (and junk after them): compare up to the first NUL.
                got = got.split("\x00")[0]
                assert segment["text"].startswith(got)
                if not any(c in EXTENSION for c in segment["text"]):
                    assert got == segment["text"]
            else:
                assert got == segment["text"]
            if len(out["segments"]) > 1:
                udh = decoded["UDH"]
                assert udh["ID8bit"] == index % 256
                assert udh["AllParts"] == len(out["segments"])
                assert udh["PartNumber"] == segment["number"]


def test_smspdu_decodes_what_we_encode(encoded):
    for index, (text, number, out) in enumerate(encoded):
        for segment in out["segments"]:
            tpdu = segment["pdu"][2:]  # smspdu takes the TPDU alone
            decoded = SMS_SUBMIT.fromPDU(tpdu, "")
            want = segment["text"]
            got = decoded.user_data
            if out["encoding"] == "gsm7":
                header_septets = 7 if len(out["segments"]) > 1 else 0
                if want.endswith("@") and (gsm7_septets(want) + header_septets) % 8 == 0:
                    # README.md: pdusms loses a final '@' when the last septet fills the last
                    # octet exactly.
                    want = want[:-1]
                    got = got[: len(want)]
            assert got == want
            assert decoded.tp_da == number
            if len(out["segments"]) > 1:
                info = decoded.concatInfo()
                assert (info["ref"], info["count"], info["seq"]) == (index % 256, len(out["segments"]), segment["number"])


def test_escape_and_surrogate_never_split(encoded):
    for _, _, out in encoded:
        for segment in out["segments"]:
            text = segment["text"]
            assert not (text and "\udc00" <= text[0] <= "\udfff")
        if out["encoding"] == "gsm7":
            for segment in out["segments"][:-1]:
                assert gsm7_septets(segment["text"]) <= 153


def tp_udl(hex_pdu):
    """TP-UDL read from an SMS-SUBMIT PDU that starts with its SMSC address (3GPP TS 23.040
    §9.2.2.2): the octet after TP-DA, TP-PID, TP-DCS and the TP-VP its TP-VPF says is there.
    Returns (TP-UDL, TPDU length) — the second to check the walk against the encoder's count."""
    octets = bytes.fromhex(hex_pdu)
    at = 1 + octets[0]                                          # SMSC length octet and address
    tpdu_start, first = at, octets[at]
    at += 2                                                     # first octet, TP-MR
    at += 2 + (octets[at] + 1) // 2                             # TP-DA: digit count, type, BCD digits
    at += 2                                                     # TP-PID, TP-DCS
    at += {0: 0, 2: 1, 1: 7, 3: 7}[(first >> 3) & 3]            # TP-VP: none, relative, enhanced, absolute
    return octets[at], len(octets) - tpdu_start


def decode(smsgwctl_json, hex_pdu, *extra):
    return smsgwctl_json("sms", "decode", hex_pdu, "--json", *extra)


def test_we_decode_what_python_messaging_encodes(smsgwctl_json):
    for index, (text, number) in enumerate(generated_cases()[:120]):
        if any(ord(c) > 0xFFFF for c in text):
            continue  # README.md: python-messaging emits malformed hex outside the BMP.
        pdus = SmsSubmit(number, text).to_pdu()
        if len(pdus) > 1 and any(c in EXTENSION for c in text):
            continue  # README.md: python-messaging splits an escape sequence across parts.
        joined = ""
        for part, pdu in enumerate(pdus, start=1):
            out = decode(smsgwctl_json, pdu.pdu)
            assert out["type"] == "submit"
            assert out["destination"]["number"] == number
            udl, tpdu_length = tp_udl(pdu.pdu)
            assert tpdu_length == pdu.length
            assert out["userDataLength"] == udl
            if len(pdus) == 1 and all(c in BASIC + EXTENSION for c in text):
                assert udl == gsm7_septets(text)  # one GSM 7-bit part: a septet per character, two per escape
            if len(pdus) > 1:
                (element,) = out["udh"]
                assert (element["type"], element["total"], element["sequence"]) == ("concatenation", len(pdus), part)
            joined += out["text"]
        assert joined == text


def test_we_decode_what_libgammu_encodes(smsgwctl_json):
    for index, (text, number) in enumerate(generated_cases()[120:200]):
        unicode = any(c not in BASIC + EXTENSION for c in text)
        info = {"Class": -1, "Unicode": unicode, "Entries": [{"ID": "ConcatenatedTextLong", "Buffer": text}]}
        messages = gammu.EncodeSMS(info)
        joined = ""
        for part, message in enumerate(messages, start=1):
            message["SMSC"] = {"Location": 0, "Number": ""}
            message["Number"] = number
            # README.md: libgammu writes an empty SMSC as 0181; the TPDU is unaffected.
            pdu = gammu.EncodePDU(message, "Submit").hex()
            out = decode(smsgwctl_json, pdu)
            assert out["destination"]["number"] == number
            if len(messages) > 1:
                concatenation = [e for e in out["udh"] if e["type"] == "concatenation"]
                assert (concatenation[0]["total"], concatenation[0]["sequence"]) == (len(messages), part)
            joined += out["text"]
        assert joined == text


def test_we_decode_what_smspdu_encodes(smsgwctl_json):
    rng = random.Random(SEED + 1)
    for _ in range(60):
        alphabet = rng.choice([BASIC, BASIC + EXTENSION, BASIC + NON_GSM])
        text = random_text(rng, alphabet, rng.randint(1, 60)).replace("\r", "")
        number = "+4477009" + "".join(rng.choice("0123456789") for _ in range(5))
        tpdu = SMS_SUBMIT.create("", number, text, tp_srr=1).toPDU()
        out = decode(smsgwctl_json, tpdu, "--without-smsc")
        assert out["text"] == text
        assert out["destination"]["number"] == number
        assert out["statusReportRequested"] is True


def test_bad_hex_is_one_line_and_exit_two(smsgwctl):
    status, out, err = smsgwctl("sms", "decode", "07914")
    assert status == 2 and out == "" and err.count("\n") == 1


# National language shift tables (3GPP TS 23.038 annex A): none of libgammu, python-messaging
# or pdusms implements them (libgammu keeps IEI 0x24/0x25 as opaque user UDH and decodes with
# the default alphabet). libgammu still checks what does not depend on the tables: the header
# it sees, TP-UDL, the fill bits after the longer header, and the septet codes, read in the
# default alphabet. Turkish locking shift septets whose default reading is known (A.3.1 vs
# §6.2.1): ş=0x1D (æ), Ş=0x1C (Æ), ğ=0x0C (ø), Ğ=0x0B (Ø), ı=0x07 (ì), İ=0x40 (¡), ç=0x60 (¿),
# €=0x04 (è).
TURKISH_AS_DEFAULT = {"ş": "æ", "Ş": "Æ", "ğ": "ø", "Ğ": "Ø", "ı": "ì", "İ": "¡", "ç": "¿", "€": "è"}
TURKISH_PLAIN = "abcdefghijklmnoprstuvyzABCDEFGHIJKLMNOPRSTUVYZ0123456789 .,!?"


def test_libgammu_reads_our_turkish_locking_shift_septets(smsgwctl_json):
    rng = random.Random(SEED + 1)
    national_plans = 0
    for index in range(60):
        length = rng.randint(160, 700)
        alphabet = TURKISH_PLAIN * 2 + "".join(TURKISH_AS_DEFAULT)
        text = "".join(rng.choice(alphabet) for _ in range(length))
        out = smsgwctl_json("sms", "encode", "--to", "+905321234567", f"--text={text}",
                            "--reference", str(index), "--national-languages", "tr", "--json")
        assert "".join(segment["text"] for segment in out["segments"]) == text
        if out.get("lockingShift") != "tr" or "singleShift" in out:
            continue
        national_plans += 1
        for segment in out["segments"]:
            decoded = gammu.DecodePDU(bytes.fromhex(segment["pdu"]))
            want = "".join(TURKISH_AS_DEFAULT.get(c, c) for c in segment["text"])
            assert decoded["Text"] == want
            udh = decoded["UDH"]["Text"]
            if len(out["segments"]) > 1:
                assert udh == bytes([8, 0, 3, index, len(out["segments"]), segment["number"], 0x25, 1, 1])
            else:
                assert udh == bytes([3, 0x25, 1, 1])
    assert national_plans > 30  # the generator must reach the locking-shift path
