// A WeCom (企业微信) self-built app's callback endpoint written on Tencent's
// @wecom/crypto, for the tests of `wechatevent send -wecom`. It listens on
// 127.0.0.1 and a free port, which it prints on the first line of standard
// output; it verifies the URL by decrypting the echostr, checks msg_signature
// and the CorpID of every callback, and answers text messages with an
// encrypted "you said …" and everything else with an empty body.
//
//   node send_wecom.js TOKEN AESKEY CORPID
const http = require('http');
const url = require('url');
const { getSignature, decrypt, encrypt } = require('@wecom/crypto');

const [token, encodingAESKey, corpID] = process.argv.slice(2);

// element returns the text of the first <name> of an XML body, CDATA or not.
function element(xml, name) {
  const m = new RegExp('<' + name + '>\\s*(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))\\s*</' + name + '>').exec(xml);
  return m ? (m[1] !== undefined ? m[1] : m[2]) : undefined;
}

// open verifies and decrypts one ciphertext; it returns undefined when a
// check fails.
function open(query, encrypted) {
  if (!encrypted || getSignature(token, query.timestamp, query.nonce, encrypted) !== query.msg_signature) {
    return undefined;
  }
  const { message, id } = decrypt(encodingAESKey, encrypted);
  return id === corpID ? message : undefined;
}

const server = http.createServer(function (req, res) {
  const query = url.parse(req.url, true).query;
  if (req.method === 'GET') {
    const echo = open(query, query.echostr);
    res.writeHead(echo === undefined ? 403 : 200);
    res.end(echo === undefined ? 'forbidden' : echo);
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', function () {
    const message = open(query, element(Buffer.concat(chunks).toString('utf8'), 'Encrypt'));
    if (message === undefined) {
      res.writeHead(403);
      res.end('forbidden');
      return;
    }
    if (element(message, 'MsgType') !== 'text') {
      res.writeHead(200);
      res.end('');
      return;
    }
    const reply = '<xml><ToUserName><![CDATA[' + element(message, 'FromUserName') + ']]></ToUserName>' +
      '<FromUserName><![CDATA[' + corpID + ']]></FromUserName><CreateTime>' + Math.floor(Date.now() / 1000) + '</CreateTime>' +
      '<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[you said ' + element(message, 'Content') + ']]></Content></xml>';
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = String(Math.floor(Math.random() * 1e9));
    const encrypted = encrypt(encodingAESKey, reply, corpID);
    res.writeHead(200, { 'Content-Type': 'application/xml' });
    res.end('<xml><Encrypt><![CDATA[' + encrypted + ']]></Encrypt><MsgSignature><![CDATA[' +
      getSignature(token, timestamp, nonce, encrypted) + ']]></MsgSignature><TimeStamp>' + timestamp +
      '</TimeStamp><Nonce><![CDATA[' + nonce + ']]></Nonce></xml>');
  });
});
server.listen(0, '127.0.0.1', function () {
  console.log(server.address().port);
});
