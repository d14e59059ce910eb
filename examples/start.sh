#!/usr/bin/env bash
# Start the example deployment: a ResNet model and a Qwen3 LLM served by OVMS.
set -euo pipefail

docker run -d --rm --name ovms \
  -p 8000:8000 -p 9000:9000 \
  -u 0 \
  -v "$(pwd)/examples:/workspace" \
  openvino/model_server:latest \
  --config_path /workspace/config.json \
  --port 9000 --rest_port 8000 \
  --log_level DEBUG
