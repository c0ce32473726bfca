import { useQuery } from 'urql';
import { SourcesAndOutletsDocument, type AttributionHopInput, type AttributionRelation, type SourceKind } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';

/** One hop being edited: an existing source, an outlet (`outlet:<id>`), or a new source or outlet. */
export interface HopDraft {
  relation: AttributionRelation;
  choice: string;
  newKind: SourceKind;
  newName: string;
  cue: string;
  confidedToOutletId?: string;
}

const RELATIONS: AttributionRelation[] = ['ORIGIN', 'RELAYED', 'REPUBLISHED'];
const KINDS: SourceKind[] = ['ANONYMOUS', 'PERSON', 'ORGANISATION', 'DOCUMENT', 'MEDIA'];
export const NEW_SOURCE = 'new-source';
export const NEW_OUTLET = 'new-outlet';

/** A claim candidate's suggested hop as a draft, as the API would file it (known source, outlet, or new). */
export function hopDraftOf(
  hop: { relation: AttributionRelation; kind: SourceKind; name?: string | null; descriptor?: string | null; matchedSource?: { id: string } | null; matchedOutlet?: { id: string } | null },
  relation: AttributionRelation,
  next?: { matchedOutlet?: { id: string } | null },
): HopDraft {
  const base = { relation, cue: hop.descriptor ?? '', newKind: hop.kind, newName: hop.name ?? hop.descriptor ?? '' };
  if (hop.kind === 'OUTLET') return { ...base, newKind: 'ORGANISATION', choice: hop.matchedOutlet ? `outlet:${hop.matchedOutlet.id}` : NEW_OUTLET };
  if (hop.matchedSource) return { ...base, choice: hop.matchedSource.id };
  return { ...base, choice: NEW_SOURCE, confidedToOutletId: hop.kind === 'ANONYMOUS' ? next?.matchedOutlet?.id : undefined };
}

/** The API's input for a draft hop. */
export function hopInputOf(hop: HopDraft): AttributionHopInput {
  const common = { relation: hop.relation, cue: hop.cue.trim() || undefined };
  if (hop.choice.startsWith('outlet:')) return { ...common, outletId: hop.choice.slice('outlet:'.length) };
  if (hop.choice === NEW_OUTLET) return { ...common, newOutlet: { name: hop.newName.trim() } };
  if (hop.choice === NEW_SOURCE) {
    return { ...common, newSource: { kind: hop.newKind, name: hop.newName.trim(), confidedToOutletId: hop.confidedToOutletId } };
  }
  return { ...common, sourceId: hop.choice };
}

/** Edits an attribution chain, origin first; sources and outlets are picked from the lists or created inline. */
export function ChainEditor({ hops, onChange, siteOutletId }: { hops: HopDraft[]; onChange(hops: HopDraft[]): void; siteOutletId: string }) {
  const { t, tv } = useI18n();
  const [{ data }] = useQuery({ query: SourcesAndOutletsDocument, variables: {} });
  const update = (index: number, patch: Partial<HopDraft>) => onChange(hops.map((hop, i) => (i === index ? { ...hop, ...patch } : hop)));
  const add = () =>
    onChange([...hops, { relation: hops.length ? 'RELAYED' : 'ORIGIN', choice: `outlet:${siteOutletId}`, newKind: 'ANONYMOUS', newName: '', cue: '' }]);
  return (
    <fieldset className="chain">
      <legend>{t('chain')}</legend>
      <ol>
        {hops.map((hop, index) => (
          <li key={index} className="hop">
            <label>
              {t('relation')}
              <select value={hop.relation} onChange={(e) => update(index, { relation: e.target.value as AttributionRelation })}>
                {RELATIONS.map((relation) => (
                  <option key={relation} value={relation}>
                    {tv('relation', relation)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('source')}
              <select value={hop.choice} onChange={(e) => update(index, { choice: e.target.value })}>
                <option value={`outlet:${siteOutletId}`}>{t('thisSite')}</option>
                <option value={NEW_SOURCE}>{t('newSource')}</option>
                <option value={NEW_OUTLET}>
                  {t('outlet')} ({t('newSource')})
                </option>
                {data?.sources.nodes.map((source) => (
                  <option key={source.id} value={source.id}>
                    {source.name}
                    {source.confidedToOutlet ? ` → ${source.confidedToOutlet.name}` : ''}
                  </option>
                ))}
                {data?.outlets.nodes
                  .filter((outlet) => outlet.id !== siteOutletId)
                  .map((outlet) => (
                    <option key={outlet.id} value={`outlet:${outlet.id}`}>
                      {t('outlet')}: {outlet.name}
                    </option>
                  ))}
                {hop.choice.startsWith('outlet:') && !data?.outlets.nodes.some((o) => `outlet:${o.id}` === hop.choice) && hop.choice !== `outlet:${siteOutletId}` ? (
                  <option value={hop.choice}>{t('outlet')}</option>
                ) : null}
              </select>
            </label>
            {hop.choice === NEW_SOURCE || hop.choice === NEW_OUTLET ? (
              <>
                {hop.choice === NEW_SOURCE ? (
                  <label>
                    {t('sourceKind')}
                    <select value={hop.newKind} onChange={(e) => update(index, { newKind: e.target.value as SourceKind })}>
                      {KINDS.map((kind) => (
                        <option key={kind} value={kind}>
                          {kind}
                        </option>
                      ))}
                    </select>
                  </label>
                ) : null}
                <label>
                  {t('sourceName')}
                  <input dir="auto" value={hop.newName} required onChange={(e) => update(index, { newName: e.target.value })} />
                </label>
              </>
            ) : null}
            <label>
              {t('cue')}
              <input dir="auto" value={hop.cue} onChange={(e) => update(index, { cue: e.target.value })} />
            </label>
            <button type="button" className="secondary" onClick={() => onChange(hops.filter((_, i) => i !== index))}>
              {t('removeHop')}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="secondary" onClick={add}>
        {t('addHop')}
      </button>
    </fieldset>
  );
}
