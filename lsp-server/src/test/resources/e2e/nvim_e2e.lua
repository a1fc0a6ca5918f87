-- Drives the language server from Neovim's built-in LSP client (Neovim 0.7: start_client +
-- buf_attach_client; pull diagnostics only arrived in 0.10, so this exercises push).
-- env: FILE (job file to open), OUT (where to write the result as JSON)
-- The client is the one docs/editors.md configures (loaded as init.lua): opening the file starts it.
local file, out = os.getenv("FILE"), os.getenv("OUT")
local result = {}

local function finish(ok)
  local f = io.open(out, "w")
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd(ok and "qa!" or "cquit! 1")
end

vim.cmd("edit " .. file)
local buf = vim.api.nvim_get_current_buf()
local id
result.attached = vim.wait(30000, function()
  for client_id, _ in pairs(vim.lsp.buf_get_clients(buf)) do id = client_id end
  return id ~= nil
end, 50)
if not result.attached then finish(false) end

local function diags() return vim.diagnostic.get(buf) end

result.opened = vim.wait(30000, function() return #diags() > 0 end, 50)
result.first = {}
for _, d in ipairs(diags()) do
  table.insert(result.first, { lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity,
    message = d.message, source = d.source,
    code = d.user_data and d.user_data.lsp and d.user_data.lsp.code })
end

local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 2, character = 6 } }
local resp = vim.lsp.buf_request_sync(buf, "textDocument/hover", params, 10000)
result.hover = resp and resp[id] and resp[id].result and resp[id].result.contents

-- Ask for the quick fix of the HJ012 finding with the diagnostic as Neovim stored it (its data
-- travels back to the server) and apply it the way Neovim applies any workspace edit.
-- get_line_diagnostics turns Neovim's diagnostics back into LSP ones, as its own code action does.
local hj012
for _, d in ipairs(vim.lsp.diagnostic.get_line_diagnostics(buf, 2)) do
  if d.code == "HJ012" then hj012 = d end
end
result.actions = {}
if hj012 then
  local ca = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", {
    textDocument = { uri = vim.uri_from_bufnr(buf) }, range = hj012.range,
    context = { diagnostics = { hj012 } } }, 10000)
  local actions = ca and ca[id] and ca[id].result or {}
  for _, a in ipairs(actions) do table.insert(result.actions, a.kind .. ": " .. a.title) end
  if actions[1] and actions[1].edit then vim.lsp.util.apply_workspace_edit(actions[1].edit, "utf-16") end
end
result.after_fix = vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1]

-- Fix the rest of the query by editing the buffer (Neovim sends an incremental didChange) and expect the
-- diagnostics to clear.
vim.api.nvim_buf_set_lines(buf, 2, 3, false, { [[  "queryCondition": "tags.floor = 3 AND deviceId IN ['a', 'b']",]] })
result.cleared = vim.wait(30000, function() return #diags() == 0 end, 50)

vim.lsp.stop_client(id)
finish(result.opened and result.cleared)
