"""aipc-bench driver for OpenVINO GenAI's LLMPipeline (the openvino_genai Python package).

Arguments: an OpenVINO IR folder, the OpenVINO device (CPU, GPU.0, NPU ...) and the pipeline's
properties as one JSON object of strings. It creates LLMPipeline(folder, device, **properties), prints
{"event": "ready", ...}, then serves one request per stdin line:

  {"ping": true}                        -> {"event": "pong", "t_ns": now}  (the suite aligns clocks)
  {"prompt": [ids], "new_tokens": n}    -> one {"event": "token", "i": i, "token": id, "t_ns": ...} per
                                           token, then {"event": "done", "start_ns": ..., "tokens": [...],
                                           "infer_us": [...], "metrics": {...}, "peak_rss_mb": ...}

Generation is greedy (do_sample False) with max_new_tokens = min_new_tokens = n and ignore_eos, so it
never stops early; the prompt goes in as token ids (TokenizedInputs), so no tokenizer is involved in
what is timed. Each token is stamped with time.perf_counter_ns() the moment GenAI's streamer hands over
its id, before anything is written; start_ns is stamped just before generate(). "metrics" are GenAI's own
(get_perf_metrics: load time, TTFT, TPOT ... in ms) and infer_us its per-token inference durations.
Failures print {"event": "error", "message": ...}; the loop ends when stdin closes.
"""
import json
import os
import sys
import time


def emit(**fields):
    sys.stdout.write(json.dumps(fields) + '\n')
    sys.stdout.flush()


def describe(e):
    return '%s: %s' % (type(e).__name__, str(e).strip())


def model_shape(ov, folder):
    """(vocab, layers) from config.json, else the vocabulary from the IR's logits."""
    try:
        with open(os.path.join(folder, 'config.json'), encoding='utf-8') as f:
            config = json.load(f)
        return int(config.get('vocab_size', -1)), int(config.get('num_hidden_layers', -1))
    except (OSError, ValueError):
        pass
    try:
        logits = ov.Core().read_model(os.path.join(folder, 'openvino_model.xml')).output('logits')
        return logits.get_partial_shape()[2].get_length(), -1
    except Exception:
        return -1, -1


def device_defaults(ov, device):
    """The precisions the device computes in unless told otherwise (the CPU's defaults depend on the CPU)."""
    core = ov.Core()
    out = {}
    for name in ('INFERENCE_PRECISION_HINT', 'KV_CACHE_PRECISION'):
        try:
            value = core.get_property(device, name)
            out[name] = value.get_type_name() if hasattr(value, 'get_type_name') else str(value)
        except Exception:
            pass
    return out


def make_streamer(ov_genai):
    class TokenStreamer(ov_genai.StreamerBase):
        """Stamps every id GenAI hands over, then prints it."""

        def __init__(self):
            super().__init__()
            self.count = 0

        def write(self, token):
            now = time.perf_counter_ns()
            for t in (token if isinstance(token, list) else [token]):
                emit(event='token', i=self.count, token=int(t), t_ns=now)
                self.count += 1
            return ov_genai.StreamingStatus.RUNNING

        def put(self, token):  # GenAI before 2025.0 calls put() and stops on True
            self.write(token)
            return False

        def end(self):
            pass

    return TokenStreamer()


def metrics_of(perf):
    out = {}
    for key, read in (('load_time_ms', lambda: perf.get_load_time()),
                      ('ttft_ms', lambda: perf.get_ttft().mean),
                      ('tpot_ms', lambda: perf.get_tpot().mean),
                      ('tpot_std_ms', lambda: perf.get_tpot().std),
                      ('ipot_ms', lambda: perf.get_ipot().mean),
                      ('throughput_tok_s', lambda: perf.get_throughput().mean),
                      ('generate_ms', lambda: perf.get_generate_duration().mean),
                      ('inference_ms', lambda: perf.get_inference_duration().mean),
                      ('input_tokens', lambda: perf.get_num_input_tokens()),
                      ('generated_tokens', lambda: perf.get_num_generated_tokens())):
        try:
            out[key] = float(read())
        except Exception:
            pass
    return out


def peak_rss_mb():
    """This process's peak resident memory (the model lives here, not in the suite's JVM); -1 where unknown."""
    try:
        import resource
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / (1024.0 * 1024.0) if sys.platform == 'darwin' else peak / 1024.0
    except Exception:
        return -1.0


def generate(np, ov, ov_genai, pipe, streamer, request):
    ids = np.array([request['prompt']], dtype=np.int64)
    inputs = ov_genai.TokenizedInputs(ov.Tensor(ids), ov.Tensor(np.ones_like(ids)))
    n = int(request['new_tokens'])
    config = ov_genai.GenerationConfig()
    config.max_new_tokens = n
    config.min_new_tokens = n
    config.ignore_eos = True
    config.do_sample = False
    streamer.count = 0
    start = time.perf_counter_ns()
    result = pipe.generate(inputs, config, streamer)
    perf = result.perf_metrics
    try:
        infer_us = [float(d) for d in perf.raw_metrics.token_infer_durations]
    except Exception:
        infer_us = []
    emit(event='done', start_ns=start, tokens=[int(t) for t in result.tokens[0]], infer_us=infer_us, metrics=metrics_of(perf),
         peak_rss_mb=peak_rss_mb())


def main():
    model_dir, device, properties = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    try:
        import numpy as np
        import openvino as ov
        import openvino_genai as ov_genai
    except Exception as e:
        emit(event='error', message='import failed: ' + describe(e))
        return 2
    started = time.perf_counter_ns()
    try:
        pipe = ov_genai.LLMPipeline(model_dir, device, **properties)
    except Exception as e:
        emit(event='error', message='LLMPipeline(%s, %s) failed: %s' % (model_dir, device, describe(e)))
        return 3
    load_ns = time.perf_counter_ns() - started
    vocab, layers = model_shape(ov, model_dir)
    emit(event='ready', load_ns=load_ns, genai_version=ov_genai.__version__, openvino_version=ov.get_version(),
         vocab=vocab, layers=layers, defaults=device_defaults(ov, device))
    streamer = make_streamer(ov_genai)
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        if request.get('ping'):
            emit(event='pong', t_ns=time.perf_counter_ns())
            continue
        try:
            generate(np, ov, ov_genai, pipe, streamer, request)
        except Exception as e:
            emit(event='error', message=describe(e))
    return 0


if __name__ == '__main__':
    sys.exit(main())
