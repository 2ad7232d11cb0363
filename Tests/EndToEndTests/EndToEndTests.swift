// Tests that run the built executables (smsgwctl, later the daemons) end to end.
