module.exports = globalThis.crypto;
module.exports.default = globalThis.crypto;
