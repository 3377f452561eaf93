#!/usr/bin/env node
// Ask decorumd about one comment: node client.js SOCKET TEXT
const net = require("node:net");
const readline = require("node:readline");

const [socketPath, text] = process.argv.slice(2);
const conn = net.createConnection(socketPath, () => {
  conn.write(JSON.stringify({ id: 1, text }) + "\n");
});
conn.on("error", (err) => { console.error(err.message); process.exit(1); });
const lines = readline.createInterface({ input: conn });
lines.once("line", (answer) => {  // one line per request, in order
  console.log(answer);
  lines.close();
  conn.end();
});
