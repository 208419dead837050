"""crmadvisor: choose a CRM from a company's B2B/B2C profile, with every gap explained."""

__version__ = "0.1.0"
