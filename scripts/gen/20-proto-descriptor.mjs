// Turns schemas/proto/**/*.proto into a compact JSON descriptor for the text-format type checker
// (core/src/generated/proto-descriptor.json), so that no .proto file is parsed at run time.
// protobufjs (a devDependency) parses and resolves the files here, at build time only.
//
// Shape (see core/src/proto/descriptor.ts for the TypeScript view):
//   { messages: { "<full name>": { syntax, extendable, fields: [Field] } },
//     enums:    { "<full name>": { values: { NAME: number } } },
//     extensions: { "<full name>": Field & { extendee } } }
//   Field = { name, number, type, label ("optional" | "required" | "repeated"), typeName?,
//             default?, deprecated?, packed?, implicit? }
//   `implicit` marks proto3 singular scalars without presence (reference mediapipe-graphs.md §1.5).
//   Map fields become repeated `<Name>Entry` messages with key = 1 and value = 2, as in protobuf.
//
// The comments of the .proto files (the line or block right above a declaration, or trailing it
// on the same line) are the documentation the editor shows: they go to a second file,
// core/src/generated/proto-docs.json, which only the language service loads (the type checker
// and the CLI never pay for them):
//   { messages: { "<full name>": { doc?, fields: { <field>: doc } } },
//     enums:    { "<full name>": { doc?, values: { NAME: doc } } } }
import { readFileSync, writeFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import protobuf from 'protobufjs';

const SCALARS = new Set(['double', 'float', 'int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64', 'fixed32', 'fixed64', 'sfixed32', 'sfixed64', 'bool', 'string', 'bytes']);
const PACKABLE = (t) => SCALARS.has(t) && t !== 'string' && t !== 'bytes';

function protoFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...protoFiles(p));
    else if (name.endsWith('.proto')) out.push(p);
  }
  return out;
}

function typesIn(ns, out = []) {
  for (const o of ns.nestedArray) {
    if (o instanceof protobuf.Type || o instanceof protobuf.Enum) out.push(o.fullName.slice(1));
    if (o instanceof protobuf.Namespace) typesIn(o, out);
  }
  return out;
}

function camel(name) {
  return name.replace(/(^|_)([a-z0-9])/g, (_, __, c) => c.toUpperCase());
}

export function buildDescriptor(root) {
  const dir = join(root, 'schemas/proto');
  const files = protoFiles(dir);
  const syntaxOf = new Map();
  const pbRoot = new protobuf.Root();
  for (const file of files) {
    const src = readFileSync(file, 'utf8');
    const parsed = protobuf.parse(src, new protobuf.Root(), { keepCase: true });
    const m = /^\s*syntax\s*=\s*["'](proto[23])["']\s*;/m.exec(src);
    if (!m) throw new Error(`${file}: no syntax statement`);
    const syntax = m[1];
    for (const t of typesIn(parsed.root)) syntaxOf.set(t, syntax);
    protobuf.parse(src, pbRoot, { keepCase: true, alternateCommentMode: true });
  }
  pbRoot.resolveAll();

  const messages = {};
  const enums = {};
  const extensions = {};

  const fieldOf = (f, syntax, parentName) => {
    const out = { name: f.name, number: f.id, label: f.rule === 'repeated' || f.map ? 'repeated' : f.rule === 'required' ? 'required' : 'optional' };
    if (f.map) {
      const entry = `${parentName}.${camel(f.name)}Entry`;
      const value = { name: 'value', number: 2, label: 'optional' };
      if (f.resolvedType) {
        value.type = f.resolvedType instanceof protobuf.Enum ? 'enum' : 'message';
        value.typeName = f.resolvedType.fullName.slice(1);
      } else value.type = f.type;
      const key = { name: 'key', number: 1, label: 'optional', type: f.keyType };
      if (syntax === 'proto3') {
        key.implicit = true;
        if (value.type !== 'message') value.implicit = true;
      }
      messages[entry] = { syntax, extendable: false, mapEntry: true, fields: [key, value] };
      out.type = 'message';
      out.typeName = entry;
      return out;
    }
    if (f.resolvedType) {
      out.type = f.resolvedType instanceof protobuf.Enum ? 'enum' : 'message';
      out.typeName = f.resolvedType.fullName.slice(1);
    } else out.type = f.type;
    if (f.options?.default !== undefined) out.default = f.options.default;
    if (f.options?.deprecated) out.deprecated = true;
    if (out.label === 'repeated' && (PACKABLE(out.type) || out.type === 'enum')) {
      const explicit = f.options?.packed;
      if (explicit === true || (explicit !== false && syntax === 'proto3')) out.packed = true;
    }
    if (syntax === 'proto3' && out.label === 'optional' && out.type !== 'message' && !f.options?.proto3_optional) out.implicit = true;
    return out;
  };

  const walk = (ns) => {
    for (const o of ns.nestedArray) {
      if (o instanceof protobuf.Type) {
        const name = o.fullName.slice(1);
        const syntax = syntaxOf.get(name) ?? 'proto2';
        const fields = o.fieldsArray.filter((f) => !f.declaringField).map((f) => fieldOf(f, syntax, name));
        fields.sort((a, b) => a.number - b.number);
        messages[name] = { syntax, extendable: !!(o.extensions && o.extensions.length), fields };
      } else if (o instanceof protobuf.Enum) {
        enums[o.fullName.slice(1)] = { values: { ...o.values } };
      } else if (o instanceof protobuf.Field && o.extend !== undefined) {
        const name = o.fullName.slice(1);
        const parentName = o.parent.fullName.slice(1);
        const f = fieldOf(o, syntaxOf.get(parentName) ?? 'proto2', parentName);
        f.extendee = o.extensionField.parent.fullName.slice(1);
        extensions[name] = f;
      }
      if (o instanceof protobuf.Namespace) walk(o);
    }
  };
  walk(pbRoot);
  return { descriptor: { messages, enums, extensions }, docs: docsOf(pbRoot) };
}

/** One paragraph per blank-line-separated block; single line breaks of a comment are spaces. */
function prose(comment) {
  return comment
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

function docsOf(pbRoot) {
  const messages = {};
  const enums = {};
  const visit = (ns) => {
    for (const o of ns.nestedArray) {
      if (o instanceof protobuf.Type) {
        const fields = {};
        for (const f of o.fieldsArray) if (f.comment) fields[f.name] = prose(f.comment);
        if (o.comment || Object.keys(fields).length) messages[o.fullName.slice(1)] = { ...(o.comment ? { doc: prose(o.comment) } : {}), fields };
      } else if (o instanceof protobuf.Enum) {
        const values = {};
        for (const [name, c] of Object.entries(o.comments ?? {})) if (c) values[name] = prose(c);
        if (o.comment || Object.keys(values).length) enums[o.fullName.slice(1)] = { ...(o.comment ? { doc: prose(o.comment) } : {}), values };
      }
      if (o instanceof protobuf.Namespace) visit(o);
    }
  };
  visit(pbRoot);
  return { messages, enums };
}

export default async function generate(root) {
  const { descriptor, docs } = buildDescriptor(root);
  const out = join(root, 'core/src/generated');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'proto-descriptor.json'), JSON.stringify(descriptor));
  writeFileSync(join(out, 'proto-docs.json'), JSON.stringify(docs));
}
