// Read when the gateway's configuration is validated, which happens as its module is first imported: set before.
process.env.REGISTER_EXPORT_MAX = '2';
