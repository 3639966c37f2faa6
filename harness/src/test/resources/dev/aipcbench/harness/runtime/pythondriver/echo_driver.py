"""A driver for DriverProcess's tests: answers each request line by what it asks for.

{"echo": x} -> {"event": "echo", "value": x}; {"fail": m} -> {"event": "error", "message": m};
{"garble": true} -> a line that is not JSON; {"sleep": s} -> nothing for s seconds, then {"event": "woke"};
{"die": code} -> "dying" on stderr, then exit code. The first argument is echoed in {"event": "ready"}.
"""
import json
import sys
import time

print(json.dumps({'event': 'ready', 'argument': sys.argv[1]}), flush=True)
for line in sys.stdin:
    request = json.loads(line)
    if 'echo' in request:
        print(json.dumps({'event': 'echo', 'value': request['echo']}), flush=True)
    elif 'fail' in request:
        print(json.dumps({'event': 'error', 'message': request['fail']}), flush=True)
    elif 'garble' in request:
        print('Traceback? not JSON', flush=True)
    elif 'sleep' in request:
        time.sleep(request['sleep'])
        print(json.dumps({'event': 'woke'}), flush=True)
    elif 'die' in request:
        print('dying', file=sys.stderr, flush=True)
        sys.exit(request['die'])
