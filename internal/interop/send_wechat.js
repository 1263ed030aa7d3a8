// A 公众号 endpoint written with node-webot's wechat middleware, for the
// tests of `wechatevent send`. It listens on 127.0.0.1 and a free port, which
// it prints on the first line of standard output, and answers text messages
// with "you said …" and everything else with no reply.
//
//   node send_wechat.js TOKEN                  plain mode
//   node send_wechat.js TOKEN AESKEY APPID     security mode
const http = require('http');
const url = require('url');
const wechat = require('wechat');

const [token, encodingAESKey, appid] = process.argv.slice(2);
const config = encodingAESKey ? { token, appid, encodingAESKey } : token;

const endpoint = wechat(config, function (req, res) {
  const message = req.weixin;
  res.reply(message.MsgType === 'text' ? 'you said ' + message.Content : '');
});

const server = http.createServer(function (req, res) {
  req.query = url.parse(req.url, true).query; // what express would set
  endpoint(req, res, function (err) {
    res.writeHead(err ? 400 : 404);
    res.end(err ? String(err.name) : 'not found');
  });
});
server.listen(0, '127.0.0.1', function () {
  console.log(server.address().port);
});
