<?php
// Ask decorumd about one comment: php client.php SOCKET TEXT
[, $socket, $text] = $argv;
$conn = stream_socket_client("unix://$socket", $errno, $errstr, 5);
if ($conn === false) {
    fwrite(STDERR, "$errstr\n");
    exit(1);
}
fwrite($conn, json_encode(["id" => 1, "text" => $text], JSON_THROW_ON_ERROR) . "\n");
echo fgets($conn);  // one line per request, in order
fclose($conn);
