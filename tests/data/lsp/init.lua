-- Neovim (0.7 and later) with `glossary lsp` as the language server of every buffer; headless: waits
-- for the first diagnostics of the opened file, writes them as JSON to $SLOVNIK_NVIM_OUT and quits.
local cmd = vim.fn.json_decode(os.getenv("SLOVNIK_LSP_CMD"))
local out = os.getenv("SLOVNIK_NVIM_OUT")

vim.api.nvim_create_autocmd("VimEnter", {
  callback = function()
    local id = vim.lsp.start_client({ name = "slovnik", cmd = cmd, root_dir = vim.fn.getcwd() })
    vim.lsp.buf_attach_client(0, id)
  end,
})

local waited = 0
local timer = vim.loop.new_timer()
timer:start(200, 200, vim.schedule_wrap(function()
  waited = waited + 200
  local found = vim.diagnostic.get(0)
  if #found == 0 and waited < 150000 then
    return
  end
  timer:stop()
  local items = {}
  for _, d in ipairs(found) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(items, { lnum = d.lnum, col = d.col, end_col = d.end_col, message = d.message,
                          source = d.source, code = d.code or lsp.code })
  end
  local f = io.open(out, "w")
  f:write(vim.fn.json_encode(items))
  f:close()
  vim.cmd("qa!")
end))
