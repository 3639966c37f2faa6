/**
 * The synthetic model as an OpenVINO IR folder, written in Java with no OpenVINO or Python at generate time.
 *
 * <p>The folder is the contract between the generator and every OpenVINO runtime of the suite (the
 * {@code openvino} runtime's own loop and OpenVINO GenAI's LLMPipeline), laid out as
 * {@code optimum-cli export openvino} lays out a decoder LLM:
 * <pre>
 *   openvino_model.xml / .bin          the stateful decoder (IR v11)
 *   openvino_tokenizer.xml / .bin      string -&gt; input_ids, attention_mask (openvino-tokenizers ops)
 *   openvino_detokenizer.xml / .bin    token ids -&gt; string_output
 *   config.json                        Phi3Config of the synthetic shape (model_type phi3)
 *   generation_config.json             bos/eos/pad ids (eos: &lt;|end|&gt;, &lt;|assistant|&gt;, &lt;|endoftext|&gt;), greedy
 *   tokenizer.json, tokenizer_config.json, special_tokens_map.json   the Hugging Face tokenizer and its config
 *   aipc_model.json                    how the suite made it (written last: a finished model)
 * </pre>
 * The model's interface: inputs {@code input_ids}, {@code attention_mask}, {@code position_ids} (i64
 * {@code [batch, seq]}), {@code beam_idx} (i32 {@code [batch]}); output {@code logits} (f32
 * {@code [batch, seq, vocab]}, every position); the KV cache is state, two variables per layer,
 * {@code past_key_values.<i>.keypresent.<i>.key} and {@code past_key_values.<i>.valuepresent.<i>.value},
 * {@code [batch, kv_heads, seq, head_size]} f32. The fp32 model carries {@code rt_info/runtime_options}
 * {@code KV_CACHE_PRECISION=f32} and {@code INFERENCE_PRECISION_HINT=f32}, so OpenVINO runs the reference in
 * fp32 everywhere. Weights per precision: fp32; fp16 (f16 constants, Convert); int8 (NNCF INT8_ASYM per output
 * channel, every weight); int4 (NNCF INT4_SYM in groups of the spec's block size, 128 by default; the
 * embedding and the LM head in INT8_ASYM as NNCF keeps them). rt_info {@code aipc_bench} and {@code nncf}
 * record how it was made.
 */
package dev.aipcbench.harness.model.openvino;
