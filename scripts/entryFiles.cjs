/**
 * Every file of the named entry points and of the chunks they load lazily, as webpack emitted them
 * (the precache list and the light theme's token check both read these).
 */
function entryFiles(compilation, entries, pluginName) {
  const files = new Set();
  for (const name of entries) {
    const entrypoint = compilation.entrypoints.get(name);
    if (!entrypoint) throw new Error(`${pluginName}: no entry point "${name}".`);
    for (const chunk of entrypoint.chunks) {
      for (const file of chunk.files) files.add(file);
      for (const lazy of chunk.getAllAsyncChunks()) for (const file of lazy.files) files.add(file);
    }
  }
  return files;
}

module.exports = { entryFiles };
