"""Where attribution recall goes: each gold attribution of newsroom-schema pools that no
predicted quote finds, by category (a found one with the wrong speaker; a cue the rules
know that gave no candidate, or whose content another attribution holds; a cue lemma that
is never a cue; content cover under 0.5; ...), per pool. Label pools are given at run time
(NAME=DIR:SPLIT) and nothing is written: the texts are research-only. The acceptance head
is off (the rules' candidates).

    PYTHONPATH=src .venv/bin/python scripts/attribution_misses.py nr=../shared/data/newsroom:dev \
        tune=/path/tune:all [--examples]
"""
import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from newsprobe.analyze import analyze_many
from newsprobe.eval.newsroom import read_split, match_attributions, same_speaker, _offsets, CONTENT_COVER
from newsprobe.eval.metrics import TokenIndex
from newsprobe.model import Article
from newsprobe.settings import Settings
from newsprobe.layers.attribution import cue_verbs
from newsprobe.parse import load_pipeline
pools={a.partition('=')[0]: tuple(a.partition('=')[2].rsplit(':',1)) for a in sys.argv[1:] if not a.startswith('--')}
settings=Settings.load(quote_head="off")
nlp=load_pipeline(None)
verbs=cue_verbs('speech')
tot=collections.Counter(); per={}
examples=collections.defaultdict(list)
lemmas=collections.Counter()
for name,(d,sp) in pools.items():
    rows=read_split(d,sp); c=collections.Counter()
    for row,an in zip(rows, analyze_many((Article(text=r['text'],id=r['id'],outlet=r.get('outlet')) for r in rows), settings, layers=('entities','attribution'))):
        text=row['text']; idx=TokenIndex(text); quotes=[q.to_dict() for q in an.quotes]; golds=row.get('attributions',[])
        pairs=match_attributions(idx,quotes,golds)
        for gi,g in enumerate(golds):
            if g.get('optional'): continue
            if gi in pairs:
                q=quotes[pairs[gi]]
                if not same_speaker(q['speaker']['name'],[g['speaker'],*g.get('speaker_aliases',[])]):
                    c['found, speaker wrong']+=1
                continue
            gc=idx.tokens_of(_offsets([g.get('cue')])); gcont=idx.tokens_of(_offsets(g.get('content')))
            same_cue=[q for q in quotes if gc and idx.tokens_of(_offsets([q.get('cue')]))&gc]
            cover=lambda q: len(gcont & idx.tokens_of(_offsets(q.get('content'))))/len(gcont) if gcont else 0
            covering=[q for q in quotes if gcont and cover(q)>=CONTENT_COVER]
            cuetext=text[g['cue']['start']:g['cue']['end']] if g.get('cue') else ''
            cdoc=nlp(cuetext) if cuetext else []
            lem=[t.lemma_.lower() for t in cdoc]
            if same_cue:
                best=max(cover(q) for q in same_cue)
                cat='cue found, content cover < 0.5' if best<CONTENT_COVER else 'cue+content found, taken by another gold'
            elif not g.get('cue'):
                cat='gold has no cue, content not found' if not covering else 'no cue, content found but matched elsewhere'
            elif covering:
                cat='known cue gave no candidate, another attribution holds the content' if any(l in verbs for l in lem) or 'accord' in lem else 'content found, cue differs'
            elif any(l in verbs for l in lem) or 'accord' in lem:
                cat='known cue gave no candidate at all (rule/parse dropped it)'
            else:
                cat='cue lemma never a cue'
                lemmas[' '.join(lem)]+=1
            c[cat]+=1
            examples[cat].append((row['id'],cuetext))
    per[name]=c; tot.update(c)
cats=sorted(tot,key=lambda k:-tot[k])
print(f"{'category':55s} "+' '.join(f'{n:>6s}' for n in pools)+'  total')
for k in cats: print(f"{k:55s} "+' '.join(f'{per[n][k]:6d}' for n in pools)+f'  {tot[k]:5d}')
print('never-a-cue lemmas:', lemmas.most_common(40))
if '--examples' in sys.argv:
    for k in cats:
        print(k, collections.Counter(e[1].lower() for e in examples[k]).most_common(25))
