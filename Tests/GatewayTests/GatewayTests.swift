// Tests of GatewayCore, TOMLReader and GatewayStore: folders mirror Sources.
