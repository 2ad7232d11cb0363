// Tests of the codecs: folders mirror Sources (SMSCodec/, SMPPCodec/, ATCommands/).
