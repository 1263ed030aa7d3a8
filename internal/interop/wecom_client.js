// Plays WeCom (企业微信) against a callback URL with Tencent's @wecom/crypto:
// first the GET with which WeCom verifies the URL when a callback is saved,
// then one encrypted POST per message, and opens the encrypted replies.
//
// stdin: {"url", "token", "aesKey", "receiveId", "toUserName", "agentId",
//         "messages": ["<xml>…</xml>", …]}
// stdout: {"verify": {"status", "body", "want"},
//          "posts": [{"status", "body", "reply", "replyId", "signatureOK"}]}
const { encrypt, decrypt, getSignature } = require('@wecom/crypto');
const crypto = require('crypto');

function digits(n) {
  let s = String(1 + crypto.randomInt(9));
  while (s.length < n) s += String(crypto.randomInt(10));
  return s;
}

function signedQuery(token, ciphered) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = digits(10);
  const sig = getSignature(token, timestamp, nonce, ciphered);
  return `msg_signature=${sig}&timestamp=${timestamp}&nonce=${nonce}`;
}

function element(xml, name) {
  const m = new RegExp(`<${name}>(?:<!\\[CDATA\\[)?([\\s\\S]*?)(?:\\]\\]>)?</${name}>`).exec(xml);
  return m ? m[1] : null;
}

async function main() {
  const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
  const { url, token, aesKey, receiveId } = input;
  const out = { posts: [] };

  // The verification GET: a random number, encrypted, URL-encoded.
  const echo = digits(19);
  const echostr = encrypt(aesKey, echo, receiveId);
  const sep = url.includes('?') ? '&' : '?';
  const res = await fetch(`${url}${sep}${signedQuery(token, echostr)}&echostr=${encodeURIComponent(echostr)}`);
  out.verify = { status: res.status, body: await res.text(), want: echo };

  for (const message of input.messages || []) {
    const ciphered = encrypt(aesKey, message, receiveId);
    const envelope = `<xml><ToUserName><![CDATA[${input.toUserName}]]></ToUserName>`
      + `<Encrypt><![CDATA[${ciphered}]]></Encrypt>`
      + `<AgentID><![CDATA[${input.agentId}]]></AgentID></xml>`;
    const r = await fetch(`${url}${sep}${signedQuery(token, ciphered)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/xml' },
      body: envelope,
    });
    const body = await r.text();
    const post = { status: r.status, body };
    const enc = element(body, 'Encrypt');
    if (enc !== null) {
      const want = getSignature(token, element(body, 'TimeStamp'), element(body, 'Nonce'), enc);
      post.signatureOK = want === element(body, 'MsgSignature');
      const { message: reply, id } = decrypt(aesKey, enc);
      post.reply = reply;
      post.replyId = id;
    }
    out.posts.push(post);
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((err) => {
  process.stderr.write(String(err && err.stack || err));
  process.exit(1);
});
