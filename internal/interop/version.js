// Prints the versions of the installed interop packages, one per line, so a
// test can check that node resolves exactly what package.json pins.
for (const name of ['@wecom/crypto', 'wechat', 'wechat-crypto', 'xml2js']) {
  console.log(name + ' ' + require(name + '/package.json').version);
}
