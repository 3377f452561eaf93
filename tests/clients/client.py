#!/usr/bin/env python3
"""Ask decorumd about one comment: client.py SOCKET TEXT"""
import json
import socket
import sys

with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
    s.connect(sys.argv[1])
    s.sendall(json.dumps({"id": 1, "text": sys.argv[2]}).encode() + b"\n")
    answer = s.makefile("rb").readline()  # one line per request, in order
print(answer.decode().rstrip("\n"))
