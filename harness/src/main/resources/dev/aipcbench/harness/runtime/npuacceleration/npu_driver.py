"""aipc-bench driver for Intel's NPU Acceleration Library (archived upstream): greedy generation
with one JSON line per token on stdout; requests are JSON lines on stdin.

Arguments: a Hugging Face causal-LM folder and the dtype (fp16, int8, int4). It loads the folder with
NPUModelForCausalLM.from_pretrained(folder, use_cache=True, config=CompilerConfig(dtype=...)), prints
{"event": "ready", ...}, then serves one request per stdin line ({"prompt": [ids], "new_tokens": n})
with the suite's own greedy loop (forward pass, argmax, feed the token with the returned KV cache),
printing {"event": "start", "t_ns": ...}, one {"event": "token", "i": i, "token": id, "t_ns": ...,
"run_ns": ...} per token stamped with time.monotonic_ns() as soon as the id is known, and
{"event": "done"}. Failures print {"event": "error", "message": ...}.
"""
import json
import sys
import time


def emit(**fields):
    sys.stdout.write(json.dumps(fields) + '\n')
    sys.stdout.flush()


def generate(torch, model, prompt, new_tokens):
    ids = torch.tensor([prompt], dtype=torch.long)
    past = None
    with torch.no_grad():
        emit(event='start', t_ns=time.monotonic_ns())
        for i in range(new_tokens):
            before = time.monotonic_ns()
            out = model(input_ids=ids, past_key_values=past, use_cache=True)
            token = int(torch.argmax(out.logits[0, -1]))
            now = time.monotonic_ns()
            emit(event='token', i=i, token=token, t_ns=now, run_ns=now - before)
            past = out.past_key_values
            ids = torch.tensor([[token]], dtype=torch.long)
    emit(event='done')


def backend_report(npu):
    """What the library's own backend says it runs on: whether it found an NPU, and its driver version."""
    report = {}
    try:
        from intel_npu_acceleration_library import backend
        report['npu_available'] = bool(backend.npu_available())
        report['driver_version'] = str(backend.get_driver_version())
    except Exception as e:
        report['error'] = '%s: %s' % (type(e).__name__, e)
    return report


def main():
    model_dir, dtype_name = sys.argv[1], sys.argv[2]
    try:
        import torch
        import intel_npu_acceleration_library as npu
        from intel_npu_acceleration_library.compiler import CompilerConfig
    except Exception as e:
        emit(event='error', message='import failed: %s: %s' % (type(e).__name__, e))
        return 2
    dtypes = {'fp16': npu.float16, 'int8': npu.int8, 'int4': npu.int4}
    started = time.monotonic_ns()
    try:
        config = CompilerConfig(dtype=dtypes[dtype_name])
        model = npu.NPUModelForCausalLM.from_pretrained(model_dir, use_cache=True, config=config).eval()
    except Exception as e:
        emit(event='error', message='loading %s failed: %s: %s' % (model_dir, type(e).__name__, e))
        return 3
    shape = model.config
    emit(event='ready', load_ns=time.monotonic_ns() - started, version=getattr(npu, '__version__', 'unknown'),
         vocab=int(getattr(shape, 'vocab_size', -1)), layers=int(getattr(shape, 'num_hidden_layers', -1)),
         backend=backend_report(npu))
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        try:
            generate(torch, model, request['prompt'], int(request['new_tokens']))
        except Exception as e:
            emit(event='error', message='%s: %s' % (type(e).__name__, e))
    return 0


if __name__ == '__main__':
    sys.exit(main())
