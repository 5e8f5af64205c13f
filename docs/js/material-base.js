// Material for MkDocs' bootstrap (templates/partials/javascripts/base.html, 9.x), as a file for a strict
// Content-Security-Policy: the scope (the site's root, from overrides/partials/javascripts/base.html's
// data-scope) and the localStorage helpers Material's later scripts use. (c) Martin Donath, MIT licence.
__md_scope=new URL(document.currentScript.getAttribute("data-scope"),location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
