-- Drives ovms-lint's language server from a real Neovim 0.7 (headless): opens the files named
-- in OVMS_FILES, waits for the diagnostics the server pushes, asks for one hover and one
-- completion, and writes everything it received as JSON to OVMS_OUT. Uses only the 0.7 API
-- (vim.lsp.start_client + buf_attach_client; vim.lsp.start arrived in 0.8).
local cli = os.getenv('OVMS_CLI')
local root = os.getenv('OVMS_ROOT')
local out = os.getenv('OVMS_OUT')
local files = vim.split(os.getenv('OVMS_FILES'), ',', { plain = true })
local hover_at = vim.split(os.getenv('OVMS_HOVER'), ',', { plain = true }) -- file index, line, col (0-based)
local complete_at = vim.split(os.getenv('OVMS_COMPLETE'), ',', { plain = true })

local result = { diagnostics = {}, errors = {} }
local function finish()
  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  local client_id = vim.lsp.start_client({
    name = 'ovms-lint',
    cmd = { 'node', cli, 'lsp', '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'ws' } },
  })
  assert(client_id, 'the server did not start')
  local bufs = {}
  for i, f in ipairs(files) do
    vim.cmd('edit ' .. vim.fn.fnameescape(f))
    bufs[i] = vim.api.nvim_get_current_buf()
    vim.lsp.buf_attach_client(bufs[i], client_id)
  end
  for i, b in ipairs(bufs) do
    local got = vim.wait(20000, function() return #vim.diagnostic.get(b) > 0 end, 50)
    if not got then table.insert(result.errors, 'no diagnostics for ' .. files[i]) end
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(b)) do
      table.insert(list, { code = d.code, lnum = d.lnum, col = d.col, severity = d.severity, source = d.source })
    end
    result.diagnostics[files[i]] = list
  end

  local function position(spec)
    return { textDocument = { uri = vim.uri_from_bufnr(bufs[tonumber(spec[1])]) }, position = { line = tonumber(spec[2]), character = tonumber(spec[3]) } }
  end
  local hover = vim.lsp.buf_request_sync(bufs[tonumber(hover_at[1])], 'textDocument/hover', position(hover_at), 10000)
  for _, r in pairs(hover or {}) do
    if r.result then result.hover = r.result.contents.value end
    if r.err then table.insert(result.errors, 'hover: ' .. vim.inspect(r.err)) end
  end
  local completion = vim.lsp.buf_request_sync(bufs[tonumber(complete_at[1])], 'textDocument/completion', position(complete_at), 10000)
  result.completion = {}
  for _, r in pairs(completion or {}) do
    local items = r.result and (r.result.items or r.result) or {}
    for _, item in ipairs(items) do table.insert(result.completion, item.label) end
  end
  vim.lsp.stop_client(client_id)
end)
if not ok then table.insert(result.errors, tostring(err)) end
finish()
