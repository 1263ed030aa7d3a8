// Opens an encrypted passive reply the way a WeChat client library does:
// reads {"lib", "token", "aesKey", "appID", "body"} as JSON on standard
// input, where body is the reply envelope (XML, or JSON in either key
// spelling), checks MsgSignature with the library's getSignature, decrypts
// Encrypt with the library's decrypt and prints
// {"signatureOK", "id", "message", "timestampType"} as JSON.
const xml2js = require('xml2js');

function readStdin() {
  return new Promise((resolve) => {
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

// envelope returns the four envelope fields, from XML through xml2js or
// from JSON with its keys in any letter case.
async function envelope(body) {
  if (body.trimStart().startsWith('{')) {
    const obj = JSON.parse(body);
    const get = (name) => {
      const key = Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());
      return key === undefined ? undefined : obj[key];
    };
    const ts = get('TimeStamp');
    return { encrypt: get('Encrypt'), signature: get('MsgSignature'), timestamp: String(ts), nonce: get('Nonce'), timestampType: typeof ts };
  }
  const parsed = await new Promise((resolve, reject) =>
    xml2js.parseString(body, { explicitArray: false }, (err, out) => (err ? reject(err) : resolve(out))));
  const x = parsed.xml;
  return { encrypt: x.Encrypt, signature: x.MsgSignature, timestamp: x.TimeStamp, nonce: x.Nonce, timestampType: 'xml' };
}

function opener(lib, token, aesKey, appID) {
  if (lib === 'wechat-crypto') {
    const WXBizMsgCrypt = require('wechat-crypto');
    const c = new WXBizMsgCrypt(token, aesKey, appID);
    return {
      signature: (ts, nonce, enc) => c.getSignature(ts, nonce, enc),
      decrypt: (enc) => c.decrypt(enc),
    };
  }
  if (lib === '@wecom/crypto') {
    const wecom = require('@wecom/crypto');
    return {
      signature: (ts, nonce, enc) => wecom.getSignature(token, ts, nonce, enc),
      decrypt: (enc) => wecom.decrypt(aesKey, enc),
    };
  }
  throw new Error('unknown library ' + lib);
}

(async () => {
  const req = JSON.parse(await readStdin());
  const env = await envelope(req.body);
  const o = opener(req.lib, req.token, req.aesKey, req.appID);
  const signatureOK = o.signature(env.timestamp, env.nonce, env.encrypt) === env.signature;
  const { message, id } = o.decrypt(env.encrypt);
  process.stdout.write(JSON.stringify({ signatureOK, id, message, timestampType: env.timestampType }));
})().catch((err) => {
  process.stderr.write(String(err && err.stack || err));
  process.exit(1);
});
