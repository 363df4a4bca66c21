"""The register across uploads: stable identities of suppliers and risks, and the merge of a new
supplier list into a register that holds work (see ``docs/register.md``)."""
